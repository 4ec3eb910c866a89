/**
 * Rendering is pure: AnswerResult (and friends) in, Discord JSON out. These tests hold the
 * renderers to Discord's limits and to verbatim quoting, with hand-made and real inputs.
 */
import { rmSync } from 'node:fs';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaEngine } from '../../src/answer/engine.js';
import type { AnswerResult, Citation } from '../../src/answer/types.js';
import { DiscordLimits, embedsSize, length } from '../../src/discord/fit.js';
import { renderAnswer, plain } from '../../src/discord/render/answer.js';
import { renderHelp } from '../../src/discord/render/help.js';
import { participantLine, renderParticipants } from '../../src/discord/render/participants.js';
import { renderSource, renderSources } from '../../src/discord/render/source.js';
import { SentenceIndex } from '../../src/discord/sentences.js';
import { buildTestEngine } from './harness.js';

const documents = [{ slug: 'doc', title: '한미, 공급망 대화 격상', publisher: '연합뉴스' }];
/** Button ids as `/ask` makes them; the renderer only places them. */
const idsFor = (answerId: string) => ({ sources: `ask:sources:${answerId}`, up: `ask:up:${answerId}`, down: `ask:down:${answerId}` });
const ctx = { buttons: idsFor('1234567890123456789'), documents };

function citation(n: number, text: string, extra: Partial<Citation> = {}): Citation {
  return { n, id: `S${n + 10}`, document: 'doc', text, score: 0.5, ...extra };
}

function result(extra: Partial<AnswerResult>): AnswerResult {
  return { question: '누가 참석했나?', language: 'ko', answered: true, answer: '삼성이 참석했다. [1]', citations: [citation(1, '삼성이 참석했다.')], related: [], ms: 3.2, ...extra };
}

function assertWithinLimits(embeds: readonly APIEmbed[]): void {
  expect(embedsSize(embeds)).toBeLessThanOrEqual(DiscordLimits.embedTotal);
  for (const e of embeds) {
    expect(length(e.title ?? '')).toBeLessThanOrEqual(DiscordLimits.title);
    expect(length(e.description ?? '')).toBeLessThanOrEqual(DiscordLimits.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.fields);
    for (const f of e.fields ?? []) {
      expect(length(f.name)).toBeLessThanOrEqual(DiscordLimits.fieldName);
      expect(length(f.value)).toBeLessThanOrEqual(DiscordLimits.fieldValue);
      expect(length(f.value)).toBeGreaterThan(0);
    }
  }
}

describe('renderAnswer', () => {
  it('puts the answer with markers in the description, one numbered field per verbatim citation, and a footer', () => {
    const message = renderAnswer(result({}), ctx);
    const embed = message.embeds![0]!;

    expect(embed.title).toBe('누가 참석했나?');
    expect(embed.description).toBe('삼성이 참석했다. [1]');
    expect(embed.fields).toEqual([{ name: '[1] S11', value: '> 삼성이 참석했다.' }]);
    expect(embed.footer!.text).toBe('한미, 공급망 대화 격상 — 연합뉴스 · 3.2 ms 소요');
  });

  it('adds the English rendering under the quote for English questions only', () => {
    const cited = [citation(1, '삼성이 참석했다.', { translation: 'Samsung attended.' })];
    const en = renderAnswer(result({ language: 'en', answer: 'Samsung attended. [1]', citations: cited }), ctx).embeds![0]!;
    const ko = renderAnswer(result({ citations: cited }), ctx).embeds![0]!;

    expect(en.fields![0]!.value).toBe('> 삼성이 참석했다.\n*Samsung attended.*');
    expect(ko.fields![0]!.value).toBe('> 삼성이 참석했다.');
    expect(en.footer!.text).toMatch(/answered in 3\.2 ms$/);
  });

  it('shows Markdown in the article or question as written (escaped, so nothing turns bold or into a link)', () => {
    const message = renderAnswer(result({ question: '**bold** [x](http://evil)', citations: [citation(1, '2*3*4 = 24_000')] }), ctx);
    const embed = message.embeds![0]!;

    expect(embed.title).toBe('\\*\\*bold\\*\\* \\[x](http://evil)');
    expect(embed.fields![0]!.value).toBe('> 2\\*3\\*4 = 24\\_000');
    expect(plain('평범한 문장.')).toBe('평범한 문장.');
  });

  it('when unanswered: says so, labels the closest sentences as related, and numbers none of them', () => {
    const message = renderAnswer(
      result({ answered: false, answer: '기사에 이 질문에 대한 답이 없습니다.', citations: [], related: [citation(1, '가까운 문장.'), citation(2, '다른 문장.')] }),
      ctx,
    );
    const embed = message.embeds![0]!;

    expect(embed.description).toContain('기사에 이 질문에 대한 답이 없습니다.');
    expect(embed.description).toContain('관련 문장으로만');
    expect(embed.fields!.map((f) => f.name)).toEqual(['관련 문장 · S11', '관련 문장 · S12']);
  });

  it('says how a follow-up was read, in the answer language, as an escaped italic first line', () => {
    const ko = renderAnswer(result({ question: '미국은?', readAs: '라운드테이블에 참석한 미국 기업은?' }), ctx).embeds![0]!;
    expect(ko.title).toBe('미국은?');
    expect(ko.description).toBe('*이전 질문에 이어: 라운드테이블에 참석한 미국 기업은?*\n\n삼성이 참석했다. [1]');
    const en = renderAnswer(result({ language: 'en', question: 'where?', readAs: 'signed the *MOU*, where?', answered: false, answer: 'The article does not answer this question.', citations: [], related: [citation(1, '삼성이 참석했다.')] }), ctx).embeds![0]!;
    expect(en.description!.startsWith(String.raw`*Following up on: signed the \*MOU\*, where?*` + '\n\nThe article does not answer')).toBe(true);
    expect(renderAnswer(result({}), ctx).embeds![0]!.description).not.toContain('이전 질문에 이어');
  });

  it('keeps a follow-up reading within the limits when the answer is huge', () => {
    const answer = '긴 답입니다. '.repeat(800);
    const message = renderAnswer(result({ answer, readAs: '가'.repeat(300) }), ctx);
    assertWithinLimits(message.embeds!);
    expect(message.embeds![0]!.description!.startsWith('*이전 질문에 이어: ')).toBe(true);
  });

  it('has Sources, 👍 and 👎 buttons with the ids it is given; Sources is disabled when there is nothing to show', () => {
    const buttons = renderAnswer(result({}), ctx).components![0]!.components as Array<{ custom_id: string; disabled?: boolean }>;
    expect(buttons.map((b) => b.custom_id)).toEqual(['ask:sources:1234567890123456789', 'ask:up:1234567890123456789', 'ask:down:1234567890123456789']);
    for (const b of buttons) expect(length(b.custom_id)).toBeLessThanOrEqual(DiscordLimits.customId);

    const empty = renderAnswer(result({ answered: false, citations: [], related: [] }), ctx).components![0]!.components as Array<{ disabled?: boolean }>;
    expect(empty[0]!.disabled).toBe(true);
  });

  it('stays within every Discord limit for a huge answer, dropping English renderings before any quote', () => {
    const long = (i: number) => `${'긴 문장입니다 '.repeat(60)}${i}.`;
    const cited = Array.from({ length: 8 }, (_, i) => citation(i + 1, long(i), { translation: `${'A long sentence '.repeat(30)}${i}.` }));
    const message = renderAnswer(result({ language: 'en', question: 'Q? '.repeat(300), answer: cited.map((c) => `${c.translation} [${c.n}]`).join(' '), citations: cited }), ctx);
    const embed = message.embeds![0]!;

    assertWithinLimits(message.embeds!);
    expect(embed.fields!.length).toBeGreaterThan(0);
    for (const f of embed.fields!) {
      const c = cited.find((x) => f.name === `[${x.n}] ${x.id}`)!;
      expect(f.value.startsWith(`> ${c.text}`)).toBe(true);
    }
    expect(embed.description!.endsWith('…')).toBe(true);
    expect(embed.description).not.toMatch(/\[\d*…$/);
    // Every marker left in the answer has its quote below.
    const shown = new Set(embed.fields!.map((f) => /^\[(\d+)\]/.exec(f.name)![1]));
    for (const [, n] of embed.description!.matchAll(/\[(\d+)\]/g)) expect(shown.has(n!)).toBe(true);
  });
});

describe('renderAnswer when even the quotes alone are too many', () => {
  it('keeps the first quotes whole and ends the answer before any marker whose quote had to go', () => {
    const cited = Array.from({ length: 10 }, (_, i) => citation(i + 1, `${'아주 긴 인용 문장 '.repeat(90)}${i}.`));
    const answer = cited.map((c) => `${'답 문장 '.repeat(40)}${c.n}. [${c.n}]`).join(' ');
    const message = renderAnswer(result({ answer, citations: cited }), ctx);
    const embed = message.embeds![0]!;

    assertWithinLimits(message.embeds!);
    const shown = embed.fields!.map((f) => /^\[(\d+)\]/.exec(f.name)![1]);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(10);
    expect(shown).toEqual(cited.slice(0, shown.length).map((c) => String(c.n)));
    embed.fields!.forEach((f, i) => expect(f.value).toBe(`> ${cited[i]!.text}`));
    const markers = [...embed.description!.matchAll(/\[(\d+)\]/g)].map((m) => m[1]);
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(shown).toContain(n);
  });
});

describe('with the real article', () => {
  let engine: QaEngine;
  let dir: string;
  let sentences: SentenceIndex;
  const docs = () => engine.corpus.documents;

  beforeAll(async () => {
    ({ engine, dir } = await buildTestEngine());
    sentences = new SentenceIndex(engine.passages, engine.corpus.documents);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders real answers in both languages within limits, every quote verbatim', async () => {
    for (const q of ['라운드테이블에 참석한 기업은?', 'Who attended the roundtable?', 'Who signed the MOU?', '한미 공급망 대화의 목적은?', 'What is the weather on Mars?']) {
      const answer = await engine.ask(q);
      const message = renderAnswer(answer, { buttons: idsFor('1'), documents: docs() });
      assertWithinLimits(message.embeds!);
      const fields = message.embeds![0]!.fields!;
      const cited = answer.answered ? answer.citations : answer.related;
      expect(fields).toHaveLength(cited.length);
      cited.forEach((c, i) => expect(fields[i]!.value).toContain(`> ${c.text}`));
    }
  });

  it('Sources: each sentence with the one before and after, cited one highlighted', () => {
    const s24 = sentences.get(docs()[0]!.slug, 'S24')!;
    const message = renderSources([{ n: 1, context: sentences.inContext(s24) }], { locale: 'en', withTranslation: true, documents: docs() });
    const value = message.embeds![0]!.fields![0]!.value;

    assertWithinLimits(message.embeds!);
    expect(message.embeds![0]!.fields![0]!.name).toBe('[1] S24');
    const [before, cited, after] = ['S23', 'S24', 'S25'].map((id) => value.indexOf(sentences.get(docs()[0]!.slug, id)!.sentence.text));
    expect(before).toBeGreaterThanOrEqual(0);
    expect(before).toBeLessThan(cited!);
    expect(cited).toBeLessThan(after!);
    expect(value).toContain(`**S24**\n> ${s24.sentence.text}`);
    expect(value).toContain(s24.translation!);
  });

  it('Sources with every sentence of the article still fits, quotes kept whole', () => {
    const items = engine.passages.slice(0, 25).map((p, i) => ({ n: i + 1, context: sentences.inContext(p) }));
    const message = renderSources(items, { locale: 'en', withTranslation: true, documents: docs() });

    assertWithinLimits(message.embeds!);
    message.embeds![0]!.fields!.forEach((f, i) => expect(f.value).toContain(`> ${plain(items[i]!.context.passage.sentence.text)}`));
  });

  it('/source: the first sentence has no "before", and shows its English rendering', () => {
    const first = engine.passages[0]!;
    const embed = renderSource(sentences.inContext(first), { locale: 'ko', documents: docs() }).embeds![0]!;

    expect(embed.title).toBe('S1');
    expect(embed.description).toContain(first.translation!);
    expect(embed.fields!.map((f) => f.name)).toEqual(['뒤 문장 · S2']);
  });

  it('participants: grouped by event and country, every group quoting its sentence, within limits in both languages', () => {
    for (const locale of ['ko', 'en'] as const) {
      const message = renderParticipants(engine.participants, {
        locale,
        filter: { country: null, kind: null },
        documents: docs(),
        translate: (_d, id) => sentences.get(docs()[0]!.slug, id)?.translation,
      });
      assertWithinLimits(message.embeds!);
      const fields = message.embeds![0]!.fields!;
      const listed = fields.flatMap((f) => f.value.split('\n').filter((l) => l.startsWith('• ')));
      expect(listed).toHaveLength(engine.participants.length);
      for (const p of engine.participants) {
        const line = participantLine(p, locale);
        const field = fields.find((f) => f.value.split('\n').includes(line));
        expect(field?.value).toContain(`> ${p.citation.text}`);
      }
    }
  });

  it('participants: an empty filter result says so', () => {
    const message = renderParticipants([], { locale: 'en', filter: { country: 'KR', kind: 'company' }, documents: docs(), translate: () => undefined });
    expect(message.embeds![0]!.description).toContain('No participant in the article matches.');
    expect(message.embeds![0]!.fields).toEqual([]);
  });

  it('help names the article and publisher in the user’s language', () => {
    const facts = { documents: docs().map((d) => ({ ...d, sentences: d.sentences.length })), maxQuestionLength: 500, questionsPerMinute: 5 };
    const ko = renderHelp('ko', facts).embeds![0]!;
    const en = renderHelp('en', facts).embeds![0]!;

    expect(ko.description).toContain('연합뉴스');
    expect(ko.fields![0]!.value).toContain('1분에 5개');
    expect(en.description).toContain(`${docs()[0]!.sentences.length} sentences`);
    assertWithinLimits([ko]);
    assertWithinLimits([en]);
  });
});
