/**
 * Follow-up questions end to end: the real discord.js client, started by `startBot`, against the
 * Discord emulator on 127.0.0.1, with the bot's clock injected so that the 15 minutes can pass.
 */
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../fakes/discord-emulator.js';
import { askOptions, messageOf, startHarness, type EmbedJson, type Harness, type MessageBody } from './harness.js';

const COOLDOWN = 4;
const MINUTE = 60_000;

let h: Harness;
let now = Date.UTC(2026, 0, 1);


/** Asks, waits for the reply, checks the rules every reply keeps, and returns its embed. */
async function ask(question: string, opts: { userId: string; guildId?: string | null; hidden?: boolean; locale?: string }): Promise<{ handle: InteractionHandle; embed: EmbedJson; message: MessageBody }> {
  const handle = h.emu.sendChatInput({ name: 'ask', options: askOptions(question, opts.hidden), userId: opts.userId, guildId: opts.guildId, locale: opts.locale ?? 'ko' });
  const final = await handle.waitForFinal(5_000);
  const message = messageOf(final);
  if (!message) throw new Error(`no message in ${final.method} ${final.route}`);
  for (const request of handle.responses) {
    const body = messageOf(request);
    if (body) expect(body.allowed_mentions).toEqual({ parse: [] });
  }
  return { handle, embed: message.embeds?.[0] ?? {}, message };
}

const cited = (embed: EmbedJson) => (embed.fields ?? []).map((f) => /S\d+$/.exec(f.name)?.[0]);
const sentence = (id: string) => h.engine.passage(h.engine.corpus.documents[0]!.slug, id)!.sentence.text;

beforeAll(async () => {
  h = await startHarness({ env: { ASK_COOLDOWN_PER_MINUTE: String(COOLDOWN) }, now: () => now });
});

afterAll(async () => {
  await h?.close();
});

describe('/ask follow-ups', () => {
  it('reads "미국은?" with the asker\'s previous question and says so, quoting the US sentence verbatim', async () => {
    const user = h.newUser();
    const first = await ask('라운드테이블에 참석한 한국 기업은?', { userId: user });
    expect(first.embed.description).not.toContain('이전 질문에 이어');
    expect(cited(first.embed)).toContain('S24');

    const second = await ask('미국은?', { userId: user });
    expect(second.embed.title).toBe('미국은?');
    expect(second.embed.description!.startsWith('*이전 질문에 이어: 라운드테이블에 참석한 미국 기업은?*\n\n')).toBe(true);
    expect(cited(second.embed)).toEqual(['S25']);
    expect(second.embed.fields![0]!.value).toContain(`> ${sentence('S25')}`);

    const third = await ask('몇 곳이야?', { userId: user });
    expect(third.embed.description).toContain('이전 질문에 이어: 라운드테이블에 참석한 미국 기업은, 몇 곳이야?');
    expect(third.embed.description).toMatch(/8개 기업/);
  });

  it('in English: "Who signed the supply chain MOU?" then "where?" then "and when?"', async () => {
    const user = h.newUser();
    await ask('Who signed the supply chain MOU?', { userId: user, locale: 'en-US' });
    const where = await ask('where?', { userId: user, locale: 'en-US' });
    expect(where.embed.description!.startsWith('*Following up on: signed the supply chain MOU, where?*')).toBe(true);
    expect(cited(where.embed)[0]).toBe('S10');
    expect(where.embed.description).toMatch(/Hyatt/);
    const when = await ask('and when?', { userId: user, locale: 'en-US' });
    expect(when.embed.description).toContain('Following up on: signed the supply chain MOU, when?');
    expect(when.embed.description).toMatch(/21st/);
  });

  it('does not lend one person\'s question to another in the same channel', async () => {
    const alice = h.newUser();
    const bob = h.newUser();
    await ask('라운드테이블에 참석한 한국 기업은?', { userId: alice });
    const bobs = await ask('미국은?', { userId: bob });
    expect(bobs.embed.description).not.toContain('이전 질문에 이어');
    expect(cited(bobs.embed)).not.toContain('S25');
    // Alice's context is still hers.
    expect((await ask('미국은?', { userId: alice })).embed.description).toContain('이전 질문에 이어');
  });

  it('keeps contexts apart per channel: a DM with the bot does not continue the guild conversation', async () => {
    const user = h.newUser();
    await ask('라운드테이블에 참석한 한국 기업은?', { userId: user });
    const inDm = await ask('미국은?', { userId: user, guildId: null });
    expect(inDm.embed.description).not.toContain('이전 질문에 이어');
  });

  it('forgets the context 15 minutes after the last answered question', async () => {
    const user = h.newUser();
    await ask('Who signed the supply chain MOU?', { userId: user, locale: 'en-US' });
    now += 14 * MINUTE;
    expect((await ask('where?', { userId: user, locale: 'en-US' })).embed.description).toContain('Following up on:');
    // The follow-up was answered, so the 15 minutes start again from it.
    now += 15 * MINUTE;
    const late = await ask('where?', { userId: user, locale: 'en-US' });
    expect(late.embed.description).not.toContain('Following up on');
  });

  it('a declined question does not replace the context; a self-contained one is answered alone', async () => {
    const user = h.newUser();
    await ask('라운드테이블에 참석한 한국 기업은?', { userId: user });
    const mars = await ask('What is the weather on Mars tomorrow?', { userId: user, locale: 'en-US' });
    expect(mars.embed.description).toContain('The article does not answer this question.');
    expect(mars.embed.description).not.toContain('Following up on');
    now += MINUTE; // past the cooldown window
    const ipef = await ask('IPEF가 뭐야?', { userId: user });
    expect(ipef.embed.description).not.toContain('이전 질문에 이어');
    const us = await ask('미국은?', { userId: user });
    // Read with the last answered question: the self-contained one about IPEF, not the companies.
    expect(us.embed.description).toContain('이전 질문에 이어');
    expect(us.embed.description).not.toContain('라운드테이블');
  });

  it('answers a private follow-up privately, with the same context', async () => {
    const user = h.newUser();
    await ask('삼성에서는 누가 왔어?', { userId: user, hidden: true });
    const sk = await ask('SK는?', { userId: user, hidden: true });
    expect(sk.handle.responses[0]?.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(sk.embed.description).toContain('이전 질문에 이어: SK에서는 누가 왔어?');
    expect(sk.embed.description).toMatch(/최태원/);
  });

  it('the cooldown counts follow-ups like any question, and a turned-away follow-up keeps the context', async () => {
    const user = h.newUser();
    await ask('Who signed the supply chain MOU?', { userId: user, locale: 'en-US' });
    for (let i = 1; i < COOLDOWN; i++) await ask('where?', { userId: user, locale: 'en-US' });
    const refused = await ask('and when?', { userId: user, locale: 'en-US' });
    expect(refused.message.content).toMatch(/questions a minute/);
    expect(refused.handle.responses).toHaveLength(1);
    now += MINUTE;
    const when = await ask('and when?', { userId: user, locale: 'en-US' });
    expect(when.embed.description).toContain('Following up on: signed the supply chain MOU, when?');
  });

  it('pings nobody when the follow-up carries mentions', async () => {
    const user = h.newUser();
    await ask('라운드테이블에 참석한 한국 기업은?', { userId: user });
    const { handle } = await ask('@everyone <@&123456789012345678> 미국은?', { userId: user });
    expect(handle.original).toMatchObject({ mention_everyone: false, mentions: [], mention_roles: [] });
  });

  it('logs whether an answer was a follow-up, but never the question text', () => {
    const answered = h.logs.entries.filter((e) => e.msg === 'answered');
    expect(answered.some((e) => e.followUp === true)).toBe(true);
    expect(answered.some((e) => e.followUp === false)).toBe(true);
    expect(h.logs.text()).not.toContain('미국은?');
  });
});
