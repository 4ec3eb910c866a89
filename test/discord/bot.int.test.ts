/**
 * The bot end to end: the real discord.js client, started by `startBot` exactly as `npm start`
 * does, against the Discord emulator (test/fakes/discord-emulator.ts) on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createHmac } from 'node:crypto';
import { Events, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InteractionHandle } from '../fakes/discord-emulator.js';
import { askOptions, finalMessage, messageOf, startHarness, TEST_TOKEN, type Harness, type MessageBody } from './harness.js';

const COOLDOWN = 3;

let h: Harness;
let closed = false;
let baselineTcp = 0;

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap').length;


function ask(question: string, opts: { locale?: string; hidden?: boolean; userId?: string } = {}): InteractionHandle {
  return h.emu.sendChatInput({ name: 'ask', options: askOptions(question, opts.hidden), locale: opts.locale, userId: opts.userId ?? h.newUser() });
}

const sentence = (id: string) => h.engine.passage(h.engine.corpus.documents[0]!.slug, id)!;

beforeAll(async () => {
  baselineTcp = tcpHandles();
  h = await startHarness({ env: { ASK_COOLDOWN_PER_MINUTE: String(COOLDOWN) } });
});

afterAll(async () => {
  if (!closed) await h?.close();
});

describe('start-up', () => {
  it('logs in through GET /gateway/bot and IDENTIFY, and is ready', () => {
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.emu.requests[0]).toMatchObject({ method: 'GET', route: '/gateway/bot', status: 200 });
    expect(h.emu.gatewayEvents.filter((e) => e.op === 2)).toHaveLength(1);
    expect(h.bot.readyMs).toBeLessThan(5_000);
    expect(h.logs.entries.some((e) => e.msg === 'connected to Discord')).toBe(true);
  });
});

describe('/ask', () => {
  it('defers at once, then answers a Korean question with numbered verbatim citations', async () => {
    const handle = ask('라운드테이블에 참석한 한국 기업은?', { locale: 'ko' });
    const message = await finalMessage(handle);

    const [first] = handle.responses;
    expect(first).toMatchObject({ method: 'POST', status: 204, body: { type: 5, data: { flags: 0 } } });
    expect((first?.time ?? Infinity) - handle.dispatchedAt).toBeLessThan(1_000);
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('라운드테이블에 참석한 한국 기업은?');
    expect(embed.description).toMatch(/\[1\]/);
    expect(embed.fields!.length).toBeGreaterThan(0);
    for (const [i, field] of embed.fields!.entries()) {
      const [, n, id] = /^\[(\d+)\] (S\d+)$/.exec(field.name) ?? [];
      expect(Number(n)).toBe(i + 1);
      expect(embed.description).toContain(`[${n}]`);
      expect(field.value).toContain(`> ${sentence(id!).sentence.text}`);
    }
    expect(embed.fields!.map((f) => f.name)).toContain('[1] S24');
    expect(embed.footer!.text).toContain(h.engine.corpus.documents[0]!.title);
    expect(embed.footer!.text).toContain('연합뉴스');
    expect(embed.footer!.text).toMatch(/ms 소요$/);
    const buttons = message.components![0]!.components.map((c) => c.custom_id);
    expect(buttons).toEqual([`ask:sources:${handle.id}`, `ask:up:${handle.id}`, `ask:down:${handle.id}`]);
    expect(handle.original?.flags ?? 0).toBe(0);
  });

  it('answers an English question in English, with the English rendering under each verbatim quote', async () => {
    const handle = ask('Who signed the MOU on the supply chain dialogue?');
    const embed = (await finalMessage(handle)).embeds![0]!;

    expect(embed.description).toMatch(/Raimondo/);
    const s10 = embed.fields!.find((f) => f.name.endsWith(' S10'));
    expect(s10?.value).toContain(`> ${sentence('S10').sentence.text}`);
    expect(s10?.value).toContain(sentence('S10').translation!);
    expect(embed.footer!.text).toMatch(/answered in [\d.]+ ms$/);
    expect(message(handle).components![0]!.components[0]!.label).toBe('Sources');
  });

  it('says plainly when the article has no answer, and lists the closest sentences as related, not numbered', async () => {
    const handle = ask('What is the weather like on Mars tomorrow?');
    const embed = (await finalMessage(handle)).embeds![0]!;

    expect(embed.description).toContain('The article does not answer this question.');
    expect(embed.description).toContain('not as support');
    expect(embed.fields!.length).toBeGreaterThan(0);
    for (const field of embed.fields!) {
      expect(field.name).toMatch(/^Related · S\d+$/);
      expect(field.name).not.toMatch(/\[\d+\]/);
    }
  });

  it('sums the article up for "Summarize the article": the headline, sub-headlines and lead, each a numbered verbatim quote', async () => {
    const handle = ask('Summarize the article');
    const embed = (await finalMessage(handle)).embeds![0]!;

    expect(embed.description).toMatch(/^In short: /);
    expect(embed.fields!.map((f) => f.name)).toEqual(['[1] S1', '[2] S2', '[3] S3', '[4] S5']);
    for (const [i, id] of ['S1', 'S2', 'S3', 'S5'].entries()) expect(embed.fields![i]!.value).toContain(`> ${sentence(id).sentence.text}`);
  });

  it('asks for something to look for when the question names nothing, without quoting any sentence', async () => {
    const handle = ask('뭐야?', { locale: 'ko' });
    const embed = (await finalMessage(handle)).embeds![0]!;

    expect(embed.description).toContain('요약해줘');
    expect(embed.fields ?? []).toEqual([]);
  });

  it('answers privately (ephemeral defer) when private is set', async () => {
    const handle = ask('공급망·산업 대화는 얼마나 자주 열리나요?', { hidden: true, locale: 'ko' });
    await finalMessage(handle);

    expect(handle.responses[0]?.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(handle.original?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('pings nobody: a question with @everyone, @here, a role and a user mention', async () => {
    const question = '@everyone @here <@&123456789012345678> <@234567890123456789> 삼성전자는 누가 참석했나요?';
    const handle = ask(question, { locale: 'ko' });
    const message = await finalMessage(handle);

    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds![0]!.title).toContain('@everyone');
    for (const request of handle.responses) {
      const body = messageOf(request);
      if (body) expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(handle.original).toMatchObject({ mention_everyone: false, mentions: [], mention_roles: [] });
  });

  it('refuses an over-long question politely, only to the asker, without deferring', async () => {
    const handle = ask('공급망 '.repeat(150), { locale: 'en-US' });
    const final = await handle.waitForFinal();

    expect(final.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    expect(messageOf(final)?.content).toMatch(/too long.*500 characters/);
    expect(handle.responses).toHaveLength(1);
  });

  it('refuses a question of control characters and invisible marks as empty', async () => {
    const handle = ask('\u0000\u200b \u0007\u202e ', { locale: 'ko' });
    const final = await handle.waitForFinal();

    expect(final.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    expect(messageOf(final)?.content).toContain('질문이 비어 있습니다');
  });

  it('answers in a direct message too (no guild, no member)', async () => {
    const handle = h.emu.sendChatInput({ name: 'ask', options: askOptions('Who attended the roundtable?'), guildId: null, userId: h.newUser() });
    const message = await finalMessage(handle);

    expect(handle.payload).not.toHaveProperty('member');
    expect(message.embeds![0]!.fields!.length).toBeGreaterThan(0);
  });

  it('an autocomplete request for a command without autocomplete gets an empty list, not silence', async () => {
    const handle = h.emu.sendAutocomplete({ name: 'ask', options: [{ name: 'question', type: 3, value: 'who', focused: true }] });
    expect((await handle.waitForFinal()).body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('refuses a private option that is not a boolean (server-side validation)', async () => {
    const handle = h.emu.sendChatInput({ name: 'ask', userId: h.newUser(), options: [{ name: 'question', type: 3, value: 'Who attended?' }, { name: 'private', type: 3, value: 'yes' }] });
    const final = await handle.waitForFinal();

    expect(final.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
  });
});

function message(handle: InteractionHandle): MessageBody {
  const found = [...handle.responses].reverse().map(messageOf).find((m) => m?.embeds);
  if (!found) throw new Error('no message yet');
  return found;
}

describe('the buttons under an answer', () => {
  let answer: InteractionHandle;
  const clicker = () => h.newUser();

  beforeAll(async () => {
    answer = ask('Who attended the roundtable from Korea?');
    await finalMessage(answer);
  });

  it('Sources shows each cited sentence with its neighbours, ephemerally', async () => {
    const cited = message(answer).embeds![0]!.fields!.map((f) => /S\d+$/.exec(f.name)![0]);
    const click = h.emu.sendButton({ customId: `ask:sources:${answer.id}`, messageId: answer.original!.id, userId: clicker() });
    const final = await click.waitForFinal();

    expect(final.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    const fields = messageOf(final)!.embeds![0]!.fields!;
    expect(fields.map((f) => /S\d+/.exec(f.name)![0])).toEqual(cited);
    for (const field of fields) {
      const id = /S\d+/.exec(field.name)![0];
      const { sentence: s, translation } = sentence(id);
      expect(field.value).toContain(`> ${s.text}`);
      expect(field.value).toContain(translation!);
      const before = sentence(`S${s.ordinal - 1}`);
      if (before) expect(field.value).toContain(before.sentence.text);
    }
  });

  it('👍 and 👎 are acknowledged ephemerally and appended to the feedback file with a hashed user id', async () => {
    const user = clicker();
    const up = h.emu.sendButton({ customId: `ask:up:${answer.id}`, messageId: answer.original!.id, userId: user, locale: 'ko' });
    const upFinal = await up.waitForFinal();
    const down = h.emu.sendButton({ customId: `ask:down:${answer.id}`, messageId: answer.original!.id, userId: user });
    const downFinal = await down.waitForFinal();

    expect(upFinal.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    expect(messageOf(upFinal)?.content).toContain('고맙습니다');
    expect(messageOf(downFinal)?.content).toContain('Thanks');
    const lines = readFileSync(h.feedbackFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.answerId === answer.id);
    expect(mine.map((l) => l.vote)).toEqual(['up', 'down']);
    const expectedHash = createHmac('sha256', 'test-salt-0123456789abcdef').update(user).digest('hex');
    for (const line of mine) {
      expect(line).toMatchObject({ question: 'Who attended the roundtable from Korea?', language: 'en', answered: true, user: expectedHash });
      expect(line.citations).toEqual(message(answer).embeds![0]!.fields!.map((f) => `${h.engine.corpus.documents[0]!.slug}#${/S\d+$/.exec(f.name)![0]}`));
      expect(JSON.stringify(line)).not.toContain(user);
    }
  });

  it('after a restart (answer no longer remembered) Sources and votes read the answer back from its message', async () => {
    const forgotten = '1234567890123456780';
    const cited = message(answer).embeds![0]!.fields!.map((f) => /S\d+$/.exec(f.name)![0]);
    const sources = await h.emu.sendButton({ customId: `ask:sources:${forgotten}`, messageId: answer.original!.id, userId: clicker() }).waitForFinal();
    expect(sources.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    expect(messageOf(sources)!.embeds![0]!.fields!.map((f) => /S\d+/.exec(f.name)![0])).toEqual(cited);

    const vote = await h.emu.sendButton({ customId: `ask:up:${forgotten}`, messageId: answer.original!.id, userId: clicker() }).waitForFinal();
    expect(messageOf(vote)?.content).toContain('Thanks');
    const line = readFileSync(h.feedbackFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.answerId === forgotten);
    expect(line).toMatchObject({ vote: 'up', question: 'Who attended the roundtable from Korea?', answered: true });
  });

  it('a button whose answer is unknown and whose message is not an answer gets a polite ephemeral note', async () => {
    const click = h.emu.sendButton({ customId: 'ask:sources:1234567890123456789', userId: clicker() });
    const final = await click.waitForFinal();

    expect(final.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    expect(messageOf(final)?.content).toMatch(/ask again/);
  });

  it('a foreign or malformed custom id is answered, not crashed on', async () => {
    const click = h.emu.sendButton({ customId: 'something:else:entirely:here', userId: clicker() });
    expect((await click.waitForFinal()).body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
  });
});

describe('/participants', () => {
  it('lists everyone in English, grouped by event and country, each group quoting its sentence', async () => {
    const handle = h.emu.sendChatInput({ name: 'participants', locale: 'en-GB' });
    const embed = (await finalMessage(handle)).embeds![0]!;

    expect(embed.description).toContain(`${h.engine.participants.length} companies and officials`);
    const korea = embed.fields!.find((f) => f.name === 'Korea–US business roundtable · Korean companies');
    expect(korea?.value).toContain('**Samsung Electronics** — Lee Jae-yong, Vice Chairman');
    expect(korea?.value).toContain(`> ${sentence('S24').sentence.text}`);
    const us = embed.fields!.find((f) => f.name === 'Korea–US business roundtable · US companies');
    expect(us?.value).toContain('**Qualcomm**');
    expect(us?.value).toContain(`> ${sentence('S25').sentence.text}`);
  });

  it('speaks Korean to a Korean client and filters by country and kind', async () => {
    const handle = h.emu.sendChatInput({
      name: 'participants',
      locale: 'ko',
      options: [
        { name: 'country', type: 3, value: 'US' },
        { name: 'kind', type: 3, value: 'official' },
      ],
    });
    const embed = (await finalMessage(handle)).embeds![0]!;

    const lines = embed.fields!.flatMap((f) => f.value.split('\n').filter((l) => l.startsWith('• ')));
    expect(lines).toEqual(['• **미국** — 지나 러만도 상무장관', '• **미국** — 조 바이든 대통령']);
    expect(embed.description).toContain('조건: 미국, 정부 관계자');
  });

  it('refuses a country that is not a choice, ephemerally', async () => {
    const handle = h.emu.sendChatInput({ name: 'participants', options: [{ name: 'country', type: 3, value: 'JP' }] });
    expect((await handle.waitForFinal()).body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
  });
});

describe('/source', () => {
  it('autocompletes ids by prefix, then sentence text', async () => {
    const byId = h.emu.sendAutocomplete({ name: 'source', options: [{ name: 'id', type: 3, value: 's2', focused: true }] });
    const idChoices = ((await byId.waitForFinal()).body as { type: number; data: { choices: Array<{ name: string; value: string }> } }).data.choices;
    expect(idChoices.map((c) => c.value).slice(0, 3)).toEqual(['S2', 'S20', 'S21']);

    const byText = h.emu.sendAutocomplete({ name: 'source', options: [{ name: 'id', type: 3, value: '삼성', focused: true }] });
    const final = await byText.waitForFinal();
    expect(final.body).toMatchObject({ type: 8 });
    const choices = (final.body as { data: { choices: Array<{ name: string; value: string }> } }).data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(sentence(choice.value).sentence.text).toContain('삼성');
      expect([...choice.name].length).toBeLessThanOrEqual(100);
      expect(choice.name.startsWith(`${choice.value} · `)).toBe(true);
    }
  });

  it('shows a sentence with its neighbours and its English rendering', async () => {
    const handle = h.emu.sendChatInput({ name: 'source', options: [{ name: 'id', type: 3, value: 'S24' }] });
    const embed = (await finalMessage(handle)).embeds![0]!;

    expect(embed.title).toBe('S24');
    expect(embed.description).toContain(`> ${sentence('S24').sentence.text}`);
    expect(embed.description).toContain(sentence('S24').translation!);
    expect(embed.fields!.map((f) => f.name)).toEqual(['Before · S23', 'After · S25', 'Section']);
    expect(embed.fields![0]!.value).toContain(sentence('S23').sentence.text);
    expect(embed.fields![2]!.value).toBe(sentence('S24').sentence.section);
  });

  it('answers an unknown or malformed id with a friendly ephemeral message', async () => {
    const missing = h.emu.sendChatInput({ name: 'source', options: [{ name: 'id', type: 3, value: 'S999' }] });
    const bad = h.emu.sendChatInput({ name: 'source', options: [{ name: 'id', type: 3, value: "'; DROP TABLE sentences; --" }] });

    expect(messageOf(await missing.waitForFinal())).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('no sentence S999') });
    expect(messageOf(await bad.waitForFinal())).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('not a sentence id') });
  });
});

describe('/help', () => {
  it('explains the bot in the user’s language, ephemerally', async () => {
    const ko = h.emu.sendChatInput({ name: 'help', locale: 'ko' });
    const en = h.emu.sendChatInput({ name: 'help', locale: 'en-US' });
    const koMessage = messageOf(await ko.waitForFinal())!;
    const enMessage = messageOf(await en.waitForFinal())!;

    expect(koMessage.flags).toBe(MessageFlags.Ephemeral);
    expect(koMessage.embeds![0]!.title).toBe('도움말');
    expect(koMessage.embeds![0]!.description).toContain('연합뉴스');
    expect(enMessage.embeds![0]!.title).toBe('Help');
    expect(enMessage.embeds![0]!.fields![0]!.value).toContain(`${COOLDOWN} questions a minute`);
  });
});

describe('faults', () => {
  it('a 500 on the callback is retried and the question still answered', async () => {
    h.emu.failNext({ method: 'POST', pathIncludes: '/callback' }, 500);
    const handle = ask('Who attended the roundtable?');
    await finalMessage(handle);

    expect(handle.responses.map((r) => r.status)).toEqual([500, 204, 200]);
  });

  it('a 500 after Discord applied the defer (retry meets 40060) still delivers the answer by edit', async () => {
    h.emu.failNext({ method: 'POST', pathIncludes: '/callback', afterProcessing: true }, 500);
    const handle = ask('Who attended the roundtable?');
    // The emulator's waitForFinal wants a 2xx defer first; here the defer's only answers were 500 and 400.
    const edited = await handle.waitFor((r) => r.method === 'PATCH' && r.status === 200);

    expect(handle.responses.map((r) => r.status)).toEqual([500, 400, 200]);
    expect(handle.responses[1]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(messageOf(edited)!.embeds![0]!.fields!.length).toBeGreaterThan(0);
    expect(handle.original?.embeds).toHaveLength(1);
    expect(h.logs.entries.some((e) => e.interaction === handle.id && e.level === 40 && String(e.msg).includes('40060'))).toBe(true);
  });

  it('a callback failing every retry is logged with the interaction id; the user gets an apology; the bot keeps serving', async () => {
    h.emu.failNext({ method: 'POST', pathIncludes: '/callback' }, 500, 4);
    const failed = ask('This one meets a broken callback');
    const apology = await failed.waitFor((r) => r.status === 204);

    expect(failed.responses.map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect(messageOf(apology)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('Sorry') });
    await vi.waitFor(() => expect(h.logs.entries.some((e) => e.interaction === failed.id && e.msg === 'interaction failed' && e.level === 50)).toBe(true));

    const next = ask('Who attended the roundtable?');
    expect((await finalMessage(next)).embeds![0]!.fields!.length).toBeGreaterThan(0);
  });

  it('a failing edit leaves no "thinking…" behind: the deferred reply is replaced by an ephemeral apology', async () => {
    h.emu.failNext({ method: 'PATCH', pathIncludes: 'messages/@original' }, 400, 1, { code: 50035, message: 'Invalid Form Body' });
    const handle = ask('Who attended the roundtable?');
    const followUp = await handle.waitFor((r) => r.method === 'POST' && r.route.startsWith('/webhooks/') && r.status === 200);

    expect(handle.responses.some((r) => r.method === 'DELETE' && r.status === 204)).toBe(true);
    expect(messageOf(followUp)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('Sorry') });
  });

  it('gateway close 4000: resumes and answers both the command sent while down and the next one', async () => {
    const resumed = once(h.bot.client, Events.ShardResume);
    const identifies = h.emu.gatewayEvents.filter((e) => e.op === 2).length;
    h.emu.closeGateway(4000);
    const during = ask('Who attended the roundtable?');
    await resumed;

    expect(h.emu.gatewayEvents.some((e) => e.op === 6)).toBe(true);
    expect(h.emu.gatewayEvents.filter((e) => e.op === 2)).toHaveLength(identifies);
    expect((await finalMessage(during)).embeds).toHaveLength(1);
    const after = ask('라운드테이블에 참석한 기업은?');
    expect((await finalMessage(after)).embeds).toHaveLength(1);
  });
});

describe('a burst of 50 interactions from 10 users', () => {
  it('answers every one or rate-limits it politely; none is lost', async () => {
    const users = Array.from({ length: 10 }, () => h.newUser());
    const questions = ['Who attended the roundtable?', '라운드테이블에 참석한 기업은?', 'Who signed the MOU?', '한미 공급망 대화의 목적은?', 'What is the weather on Mars?'];
    const handles = Array.from({ length: 50 }, (_, i) => ask(questions[i % questions.length]!, { userId: users[i % 10] }));
    const finals = await Promise.all(handles.map((handle) => handle.waitForFinal(5_000)));

    const answered = finals.filter((f) => f.method === 'PATCH' && (messageOf(f)?.embeds?.length ?? 0) === 1);
    const limited = finals.filter((f) => f.route.endsWith('/callback') && messageOf(f)?.flags === MessageFlags.Ephemeral && /questions a minute/.test(messageOf(f)?.content ?? ''));
    expect(answered).toHaveLength(10 * COOLDOWN);
    expect(limited).toHaveLength(50 - 10 * COOLDOWN);
    for (const handle of handles) {
      expect(handle.responses.every((r) => r.status >= 200 && r.status < 300)).toBe(true);
      expect(handle.responses[0]!.time - handle.dispatchedAt).toBeLessThan(3_000);
    }
    await vi.waitFor(() => expect(h.bot.inFlight).toBe(0));
  });
});

describe('safety across every response', () => {
  it('every message the bot sent carried allowed_mentions {parse: []}', () => {
    const messages = h.emu.requests.map(messageOf).filter((m): m is MessageBody => m !== undefined);
    expect(messages.length).toBeGreaterThan(50);
    for (const m of messages) expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('no log line contains the bot token or an interaction token', () => {
    const tokens = new Set(h.emu.requests.flatMap((r) => /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(r.route)?.[1] ?? []));
    expect(tokens.size).toBeGreaterThan(10);
    const text = h.logs.text();
    expect(text).not.toContain(TEST_TOKEN);
    for (const token of tokens) expect(text).not.toContain(token);
    expect(h.logs.entries.some((e) => e.msg === 'interaction failed')).toBe(true);
  });
});

describe('shutdown', () => {
  it('stops from a steady state and leaves no socket open', async () => {
    expect(h.bot.client.isReady()).toBe(true);
    await h.close();
    closed = true;
    await vi.waitFor(() => expect(tcpHandles()).toBeLessThanOrEqual(baselineTcp), { timeout: 2_000 });
  });
});
