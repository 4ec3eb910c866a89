/**
 * "Check against the article" end to end: the real discord.js client, started by `startBot` with
 * the command list as `npm start` starts it, against the Discord emulator. The emulator sends a
 * message command as Discord does (type 2, `data.type` 3, `target_id`, `resolved.messages`).
 */
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAME, CHECK_NAME_KO } from '../../commands/check.js';
import { commands } from '../../commands/index.js';
import { commandDefinitions, deployCommands } from '../../src/discord/deploy.js';
import type { InteractionHandle } from '../fakes/discord-emulator.js';
import { finalMessage, messageOf, startHarness, TEST_TOKEN, type Harness } from './harness.js';

const COOLDOWN = 4;

let h: Harness;


function checkMessage(content: string, opts: { locale?: string; userId?: string; guildId?: string | null } = {}): InteractionHandle {
  return h.emu.sendMessageCommand({ name: CHECK_NAME, target: { content }, locale: opts.locale, userId: opts.userId ?? h.newUser(), guildId: opts.guildId });
}

const sentenceText = (id: string) => h.engine.passage(h.engine.corpus.documents[0]!.slug, id)!.sentence.text;

beforeAll(async () => {
  h = await startHarness({ env: { ASK_COOLDOWN_PER_MINUTE: String(COOLDOWN) } });
  // Registered first, as `npm run deploy-commands` does, so interactions carry the registered command id.
  await deployCommands({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: h.emu.applicationId, DISCORD_API_URL: h.emu.apiBase, DISCORD_GUILD_ID: h.emu.guildId }, commands);
});

afterAll(async () => {
  await h?.close();
});

describe('the command definitions deploy-commands sends', () => {
  it('include the message command: type 3, no description, Korean name 기사로 확인, accepted by the emulator as Discord would', () => {
    const defs = commandDefinitions(commands) as Array<{ name: string; type?: number; description?: string; name_localizations?: Record<string, string> }>;
    const message = defs.find((d) => d.type === 3)!;
    expect(message).toEqual({ name: CHECK_NAME, name_localizations: { ko: CHECK_NAME_KO }, type: 3 });
    expect(defs.filter((d) => d.type === undefined || d.type === 1).map((d) => d.name)).toEqual(['ask', 'participants', 'source', 'help']);
    const registered = h.emu.commands.guild[h.emu.guildId] as Array<{ name: string; type: number; id: string }>;
    expect(registered.find((c) => c.type === 3)).toMatchObject({ name: CHECK_NAME, type: 3 });
  });
});

describe('Check against the article', () => {
  it('checks a Korean message privately: one verdict per statement, the differing number marked in the verbatim quote', async () => {
    const handle = checkMessage('삼성이 미국에 20조 투자한대. 미국 기업은 10곳 왔대', { locale: 'ko' });
    const message = await finalMessage(handle);

    expect(handle.payload.data).toMatchObject({ type: 3, name: CHECK_NAME, target_id: expect.any(String) });
    expect(handle.responses[0]!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(handle.original!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('기사로 확인');
    expect(embed.fields).toHaveLength(2);
    const [invest, count] = embed.fields!;
    expect(invest!.name).toContain('기사에 없음');
    expect(invest!.value).toContain('관련 문장일 뿐 근거는 아님');
    expect(count!.name).toContain('기사는 다르게 말함');
    expect(count!.name).toContain('S25');
    expect(count!.value).toContain('**__8개__**');
    // The quote is the sentence verbatim once the marks are taken off.
    const quote = count!.value.split('\n').find((l) => l.startsWith('> '))!.slice(2).replace(/\*\*__|__\*\*/g, '');
    expect(quote).toBe(sentenceText('S25'));
    expect(message.components![0]!.components[0]).toMatchObject({ custom_id: 'check:share', label: '채널에 공유' });
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('checks an English message in English, with the English rendering under the quote and its differing part marked', async () => {
    const message = await finalMessage(checkMessage('ten US companies attended the roundtable'));
    const field = message.embeds![0]!.fields![0]!;

    expect(message.embeds![0]!.title).toBe('Check against the article');
    expect(field.name).toContain('The article says otherwise · S25');
    expect(field.value).toContain('The article says eight, not ten.');
    expect(field.value).toMatch(/> \*.*\*\*__eight__\*\*.*\*/u);
  });

  it('confirms a true statement and quotes the sentence that carries it', async () => {
    const message = await finalMessage(checkMessage('The MOU was signed at the Hyatt hotel in Seoul'));
    const field = message.embeds![0]!.fields![0]!;

    expect(field.name).toMatch(/^✅ 1\. Supported · S10$/u);
    expect(field.value).toContain(`> ${sentenceText('S10').replace(/'/g, "'")}`.slice(0, 20));
  });

  it('reads a message with mentions without pinging anyone, and leaves the mentions out of the statements', async () => {
    const user = '123456789012345678';
    const handle = checkMessage(`<@${user}> <@&234567890123456789> @everyone 라운드테이블에는 기업 20곳이 참가했대`, { locale: 'ko' });
    const message = await finalMessage(handle);

    const payload = handle.payload.data as { resolved: { messages: Record<string, { mentions: Array<{ id: string }>; content: string }> } };
    expect(Object.values(payload.resolved.messages)[0]!.mentions.map((m) => m.id)).toEqual([user]);
    const field = message.embeds![0]!.fields![0]!;
    expect(field.name).toContain('기사는 다르게 말함');
    expect(field.value).not.toContain('<@');
    expect(field.value).not.toContain('@everyone');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('handles a message over 2,000 characters: checks the first five statements, says how many were left, stays within Discord limits', async () => {
    const filler = '오늘 회의 자료는 팀 드라이브에 올려 두었으니 다들 시간 날 때 꼭 읽어 보시고 의견을 남겨 주시면 감사하겠습니다. ';
    const statements = ['라운드테이블에는 한미 기업 16곳이 참가했다.', '미국 기업은 10곳이 참석했다.', '양해각서는 서울 하얏트호텔에서 체결됐다.', '러만도 상무장관은 바이든 대통령과 함께 방한하지 않았다.', '삼성이 미국에 20조 원을 투자한대.'];
    const text = `${statements.join(' ')} ${filler.repeat(40)}`;
    expect([...text].length).toBeGreaterThan(2000);
    const message = await finalMessage(checkMessage(text, { locale: 'ko' }));
    const embed = message.embeds![0]!;

    expect(embed.fields).toHaveLength(5);
    expect(embed.description).toMatch(/나머지 \d+개 문장은 확인하지 않았습니다/u);
    expect(embed.fields!.map((f) => f.name.split(' ')[2])).toEqual(['기사와', '기사는', '기사와', '기사는', '기사에']);
    const size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + embed.fields!.reduce((n, f) => n + [...f.name].length + [...f.value].length, 0);
    expect(size).toBeLessThanOrEqual(6000);
    for (const f of embed.fields!) expect([...f.value].length).toBeLessThanOrEqual(1024);
  });

  it('says plainly when a message has no text (an image or embed only), without deferring', async () => {
    const handle = checkMessage('   ');
    const message = await finalMessage(handle);

    expect(handle.responses[0]!.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    expect(message.content).toMatch(/no text to check/);
  });

  it('says there is nothing to check in a message of laughter and emoji', async () => {
    const message = await finalMessage(checkMessage('ㅋㅋㅋㅋ 👍👍', { locale: 'ko' }));
    expect(message.embeds![0]!.description).toContain('확인할 만한 문장이 없습니다');
    expect(message.embeds![0]!.fields).toEqual([]);
  });

  it('works in a direct message too (no guild)', async () => {
    const message = await finalMessage(checkMessage('Google attended the roundtable', { guildId: null }));
    expect(message.embeds![0]!.fields![0]!.name).toContain('Supported');
  });

  it('Share posts the same check in the channel for everyone and removes the button from the private one', async () => {
    const handle = checkMessage('미국 기업은 10곳 왔대', { locale: 'ko' });
    const checked = await finalMessage(handle);
    const click = h.emu.sendButton({ customId: 'check:share', messageId: handle.original!.id, locale: 'ko', guildLocale: 'ko' });
    const updated = await finalMessage(click);

    expect(click.responses[0]!.body).toMatchObject({ type: 7 });
    expect(updated.components).toEqual([]);
    expect(updated.content).toBe('채널에 공유했습니다.');
    const shared = await click.waitFor((r) => r.method === 'POST' && r.route.startsWith('/webhooks/'), 3_000);
    const post = messageOf(shared)!;
    expect(post.flags ?? 0).toBe(0);
    expect(click.followUps[0]!.flags & MessageFlags.Ephemeral).toBe(0);
    // The same embed (Discord adds `type: rich` to embeds it stores).
    expect(post.embeds!.map(({ type: _type, ...embed }: { type?: string }) => embed)).toEqual(checked.embeds);
    expect(post.content).toMatch(/님이 공유한 확인 결과$/u);
    expect(post.allowed_mentions).toEqual({ parse: [] });
  });

  it('a share button whose message carries no check gets a polite private note', async () => {
    const message = await finalMessage(h.emu.sendButton({ customId: 'check:share' }));
    expect(message.flags).toBe(MessageFlags.Ephemeral);
    expect(message.content).toMatch(/cannot find/);
  });

  it('shares the /ask cooldown: past the limit a user is told, privately, how long to wait', async () => {
    const user = h.newUser();
    const handles = Array.from({ length: COOLDOWN + 1 }, () => checkMessage('Google attended the roundtable', { userId: user }));
    const messages = await Promise.all(handles.map((handle) => finalMessage(handle)));

    const refused = messages.filter((m) => /try again in \d+ s/.test(m.content ?? ''));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.flags).toBe(MessageFlags.Ephemeral);
  });

  it('every message sent for a check carried allowed_mentions {parse: []}', () => {
    const sent = h.emu.requests.filter((r) => messageOf(r) !== undefined);
    expect(sent.length).toBeGreaterThan(10);
    for (const r of sent) expect(messageOf(r)!.allowed_mentions, `${r.method} ${r.route}`).toEqual({ parse: [] });
  });
});
