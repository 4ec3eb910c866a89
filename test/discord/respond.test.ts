/**
 * The respond helper against a recording stand-in for a discord.js interaction: every call
 * carries no-mentions, messages are fitted, and 40060 is handled as "already delivered".
 */
import { DiscordAPIError, MessageFlags, type AutocompleteInteraction, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DiscordLimits, length } from '../../src/discord/fit.js';
import { defer, edit, followUp, reply, suggest, update } from '../../src/discord/respond.js';

const acked = () => new DiscordAPIError({ message: 'Interaction has already been acknowledged.', code: 40060 }, 40060, 400, 'POST', 'http://x/api/v10/interactions/1/t/callback', { body: undefined });

function fake(failWith?: unknown) {
  const calls: Array<{ method: string; options: Record<string, unknown> }> = [];
  const record = (method: string) => async (options: Record<string, unknown> = {}) => {
    calls.push({ method, options });
    if (failWith) throw failWith;
  };
  const interaction = {
    deferred: false,
    replied: false,
    ephemeral: null as boolean | null,
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    update: record('update'),
    respond: record('respond'),
  };
  return { interaction, calls, repliable: interaction as unknown as RepliableInteraction };
}

describe('respond', () => {
  it('sets allowedMentions {parse: []} on reply, edit, follow-up and update', async () => {
    const { repliable, calls } = fake();
    await reply(repliable, { content: '@everyone hi' });
    await edit(repliable, { content: '<@&123456789012345678>' });
    await followUp(repliable, { content: '@here' }, { ephemeral: true });
    await update(repliable as unknown as MessageComponentInteraction, { content: 'x' });

    expect(calls.map((c) => c.method)).toEqual(['reply', 'editReply', 'followUp', 'update']);
    for (const call of calls) expect(call.options.allowedMentions).toEqual({ parse: [] });
    expect(calls[2]!.options.flags).toBe(MessageFlags.Ephemeral);
    expect(calls[0]!.options.flags).toBeUndefined();
  });

  it('fits content and embeds to Discord’s limits on the way out', async () => {
    const { repliable, calls } = fake();
    await reply(repliable, { content: 'Sentence. '.repeat(400), embeds: [{ description: '문장. '.repeat(3000) }] });
    const options = calls[0]!.options as { content: string; embeds: Array<{ description: string }> };

    expect(length(options.content)).toBeLessThanOrEqual(DiscordLimits.content);
    expect(length(options.embeds[0]!.description)).toBeLessThanOrEqual(DiscordLimits.description);
  });

  it('defer: ephemeral when asked; 40060 (an earlier attempt landed) marks the interaction deferred', async () => {
    const ok = fake();
    expect(await defer(ok.repliable, { ephemeral: true })).toBe('sent');
    expect(ok.calls[0]!.options).toEqual({ flags: MessageFlags.Ephemeral });

    const lost = fake(acked());
    expect(await defer(lost.repliable, { ephemeral: false })).toBe('already-acknowledged');
    expect(lost.interaction).toMatchObject({ deferred: true, ephemeral: false });
  });

  it('reply: 40060 counts as delivered; any other error is thrown', async () => {
    const lost = fake(acked());
    expect(await reply(lost.repliable, { content: 'x' })).toBe('already-acknowledged');
    expect(lost.interaction.replied).toBe(true);

    const broken = fake(new Error('boom'));
    await expect(reply(broken.repliable, { content: 'x' })).rejects.toThrow('boom');
  });

  it('suggest: at most 25 choices', async () => {
    const { interaction, calls } = fake();
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `S${i}`, value: `S${i}` }));
    await suggest(interaction as unknown as AutocompleteInteraction, choices);
    expect(calls[0]!.options).toHaveLength(25);
  });
});
