import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/types.js';
import { unfaithfulCitations } from '../../src/answer/verify.js';
import { buildCorpus } from '../../src/corpus/load.js';
import { splitSentences } from '../../src/corpus/segment.js';
import type { ArticleDocument } from '../../src/corpus/types.js';

/** Ingests one file as the only article, as `seeds/` would hold it. */
const ingest = (name: string, raw: string): ArticleDocument => buildCorpus(new Map([[name, raw]])).documents[0]!;
const textsOf = (doc: ArticleDocument) => doc.sentences.map((s) => s.text);

/** A citation must be provable against the raw file: the text is exactly the raw slice at its offsets. */
function expectVerbatim(doc: ArticleDocument, raw: string): void {
  let previousEnd = 0;
  for (const s of doc.sentences) {
    expect(raw.slice(s.start, s.end), s.id).toBe(s.text);
    expect(s.start, s.id).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
  }
}

describe('a text with no title line', () => {
  const en =
    'The river runs through the old town from north to south. It was dammed in the thirteenth century, which gave the settlement its name. Today the dam is a square with a palace on one side.';
  const ko = '한강은 한반도 중부를 흐르는 강이다. 길이는 약 500km에 이른다. 서울을 동서로 가로지른다.';

  it('splits a lone English paragraph into its sentences instead of taking it as a headline', () => {
    const doc = ingest('river.en.txt', en);
    expect(textsOf(doc)).toEqual([
      'The river runs through the old town from north to south.',
      'It was dammed in the thirteenth century, which gave the settlement its name.',
      'Today the dam is a square with a palace on one side.',
    ]);
    expect(doc.sentences.every((s) => s.kind === 'paragraph')).toBe(true);
    expect(doc.title).toBe('river');
    expectVerbatim(doc, en);
  });

  it('splits a lone Korean paragraph the same way', () => {
    const doc = ingest('han-river.ko.txt', ko);
    expect(textsOf(doc)).toEqual(['한강은 한반도 중부를 흐르는 강이다.', '길이는 약 500km에 이른다.', '서울을 동서로 가로지른다.']);
    expect(doc.sentences.every((s) => s.kind === 'paragraph')).toBe(true);
  });

  it('does not take a first line that is one long sentence ending in a period as the headline', () => {
    const raw =
      'The committee, which had met every spring since the harbour was rebuilt, decided on Tuesday to move its annual meeting to the autumn so that more members could attend.\nThe change takes effect next year.\n';
    const doc = ingest('committee.en.txt', raw);
    expect(doc.sentences.map((s) => s.kind)).toEqual(['paragraph', 'paragraph']);
    expect(doc.sentences[0]!.text.startsWith('The committee, which')).toBe(true);
  });
});

describe('a first line without final punctuation, and paragraphs whose last part has none', () => {
  it('takes a short unpunctuated first line as the headline and still splits the paragraph ending in a note', () => {
    const raw = 'Dam square reopens after repairs\nThe square was closed for two years. Work on the paving ended in May.[citation needed]\n';
    const doc = ingest('square.en.txt', raw);
    expect(doc.sentences.map((s) => [s.kind, s.text])).toEqual([
      ['headline', 'Dam square reopens after repairs'],
      ['paragraph', 'The square was closed for two years.'],
      ['paragraph', 'Work on the paving ended in May.[citation needed]'],
    ]);
    expect(doc.title).toBe('Dam square reopens after repairs');
  });

  it('does not take a paragraph whose last sentence ends in a page reference for a headline or sub-headline', () => {
    const lone = ingest('trade.en.txt', 'Trade grew in the decade after the war. Ports expanded along the coast. The figures are given by Smith :212–219');
    expect(textsOf(lone)).toEqual(['Trade grew in the decade after the war.', 'Ports expanded along the coast.', 'The figures are given by Smith :212–219']);
    expect(lone.sentences.every((s) => s.kind === 'paragraph')).toBe(true);

    const titled = ingest('trade.en.txt', 'Trade after the war\nTrade grew in the decade after the war. The figures are given by Smith :212–219\nPorts expanded along the coast.\n');
    expect(titled.sentences.map((s) => s.kind)).toEqual(['headline', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('breaks after a footnote or a bracketed note that follows the full stop', () => {
    expect(splitSentences('It was built in 1602.[12] The tower fell later.')).toEqual(['It was built in 1602.[12]', 'The tower fell later.']);
    expect(splitSentences('The decline was reported.[citation needed] Later studies disagree.')).toEqual([
      'The decline was reported.[citation needed]',
      'Later studies disagree.',
    ]);
    expect(splitSentences('He was named Taizu.[b] In the proclamation he said so.')).toEqual(['He was named Taizu.[b]', 'In the proclamation he said so.']);
  });
});

describe('initials and abbreviations do not end a sentence', () => {
  const cases: Array<[string, string[]]> = [
    ['드와이트 D. 아이젠하워는 미국의 34대 대통령이었다. 그는 군인 출신이다.', ['드와이트 D. 아이젠하워는 미국의 34대 대통령이었다.', '그는 군인 출신이다.']],
    ['윌리엄 F. 올브라이트는 그 시기를 다르게 보았다. 다른 학자도 있다.', ['윌리엄 F. 올브라이트는 그 시기를 다르게 보았다.', '다른 학자도 있다.']],
    ['The U.S. Senate approved the bill. It goes to the House next.', ['The U.S. Senate approved the bill.', 'It goes to the House next.']],
    ['It was like the defunct U.S. Information Agency in scope. Nobody objected.', ['It was like the defunct U.S. Information Agency in scope.', 'Nobody objected.']],
    ["Dr. Smith met Mr. Jones near St. Mark's Square. They talked.", ["Dr. Smith met Mr. Jones near St. Mark's Square.", 'They talked.']],
    ['She was ranked No. 1 in the world. She retired later.', ['She was ranked No. 1 in the world.', 'She retired later.']],
    ['Prices rose 3.5% in Jan. 2020, after 2.75% in 2019. Wages did not.', ['Prices rose 3.5% in Jan. 2020, after 2.75% in 2019.', 'Wages did not.']],
    ["Some schools, e.g. St Joseph's College, are old. Others are new.", ["Some schools, e.g. St Joseph's College, are old.", 'Others are new.']],
    ['John F. Kennedy visited Berlin. He spoke there.', ['John F. Kennedy visited Berlin.', 'He spoke there.']],
    ['The case Brown v. Board of Education changed schools. It was decided in 1954.', ['The case Brown v. Board of Education changed schools.', 'It was decided in 1954.']],
    ['The reconstruction by Jones et al. 1998 was cited. Others disagreed.', ['The reconstruction by Jones et al. 1998 was cited.', 'Others disagreed.']],
    ['A paper by Michael E. Mann, Raymond S. Bradley and Malcolm K. Hughes appeared. It was cited.', ['A paper by Michael E. Mann, Raymond S. Bradley and Malcolm K. Hughes appeared.', 'It was cited.']],
    ['그는 G.O.O.D. Music에 소속되어 있다. 앨범도 냈다.', ['그는 G.O.O.D. Music에 소속되어 있다.', '앨범도 냈다.']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => expect(splitSentences(text)).toEqual(expected));
  }

  it('still ends a sentence at an abbreviation when a new sentence plainly starts', () => {
    expect(splitSentences('He moved to the U.S. He later returned.')).toEqual(['He moved to the U.S.', 'He later returned.']);
    expect(splitSentences('The vote closed at 5 p.m. The result came later.')).toEqual(['The vote closed at 5 p.m.', 'The result came later.']);
    expect(splitSentences('They traded spices, silk, etc. The trade ended.')).toEqual(['They traded spices, silk, etc.', 'The trade ended.']);
  });
});

describe('hard line breaks inside a sentence', () => {
  const raw = 'Bridge reopens in May\nThe council said on Monday that the bridge\nwould reopen in May. Traffic will be limited.\n';

  it('joins a line that does not end a sentence with the line that continues it, keeping the raw text', () => {
    const doc = ingest('bridge.en.txt', raw);
    expect(textsOf(doc)).toEqual([
      'Bridge reopens in May',
      'The council said on Monday that the bridge\nwould reopen in May.',
      'Traffic will be limited.',
    ]);
    expect(doc.sentences.map((s) => s.kind)).toEqual(['headline', 'paragraph', 'paragraph']);
    expectVerbatim(doc, raw);
  });

  it('keeps the joined sentence verbatim with Windows line endings', () => {
    const crlf = raw.replace(/\n/g, '\r\n');
    const doc = ingest('bridge.en.txt', crlf);
    expect(doc.sentences[1]!.text).toBe('The council said on Monday that the bridge\r\nwould reopen in May.');
    expectVerbatim(doc, crlf);
  });

  it('leaves every sentence provable by the citation check against the raw file', () => {
    const corpus = buildCorpus(new Map([['bridge.en.txt', raw.replace(/\n/g, '\r\n')]]));
    const doc = corpus.documents[0]!;
    const citations: Citation[] = doc.sentences.map((s, i) => ({ n: i + 1, id: s.id, document: doc.slug, text: s.text, score: 1 }));
    const source = { sentence: (_: string, id: string) => doc.sentences.find((s) => s.id === id), raw: (d: string) => corpus.raw.get(d) };
    expect(citations[1]!.text).toContain('\r\n');
    expect(unfaithfulCitations(citations, source)).toEqual([]);
  });

  it('joins Korean text wrapped at a fixed width', () => {
    const wrapped = [
      '가람시 강변 드론쇼 매달 연다',
      '',
      '가람시는 다음 달부터 매달 첫째 주 토요일 강변공원에서',
      '야간 드론쇼를 연다고 3일 밝혔다. 행사에는 드론 500대가',
      '동원된다. 시민들은 시 누리집에서 드론쇼에 띄울 문구를',
      '제안할 수 있다.',
      '',
    ].join('\n');
    const doc = ingest('drone.ko.txt', wrapped);
    expect(textsOf(doc)).toEqual([
      '가람시 강변 드론쇼 매달 연다',
      '가람시는 다음 달부터 매달 첫째 주 토요일 강변공원에서\n야간 드론쇼를 연다고 3일 밝혔다.',
      '행사에는 드론 500대가\n동원된다.',
      '시민들은 시 누리집에서 드론쇼에 띄울 문구를\n제안할 수 있다.',
    ]);
    expectVerbatim(doc, wrapped);
  });

  it('does not join a paragraph ending in a note with the next paragraph', () => {
    const doc = ingest('notes.en.txt', 'Old mills\nThe mill closed in 1901.[citation needed]\nThe town bought it in 1910.\n');
    expect(textsOf(doc)).toEqual(['Old mills', 'The mill closed in 1901.[citation needed]', 'The town bought it in 1910.']);
    expect(doc.sentences[1]!.block).not.toBe(doc.sentences[2]!.block);
  });
});

describe('bullets and marked lists', () => {
  const raw = [
    'Council plans for the river',
    '',
    'The plan has four parts:',
    '- a new bridge',
    '- wider roads.',
    '• More buses',
    '* Fewer cars. Cars pay a fee.',
    '◇ Funding',
    '▲ 국비 100억 원 ▲ 시비 50억 원',
    '■ The city pays half. The state pays the rest.',
    '1. Apply online.',
    '2. Pay the fee.',
    '',
  ].join('\n');
  const doc = ingest('plans.en.txt', raw);

  it('makes every item its own sentence, without its marker', () => {
    expect(doc.sentences.map((s) => [s.kind, s.text])).toEqual([
      ['headline', 'Council plans for the river'],
      ['paragraph', 'The plan has four parts:'],
      ['paragraph', 'a new bridge'],
      ['paragraph', 'wider roads.'],
      ['paragraph', 'More buses'],
      ['paragraph', 'Fewer cars.'],
      ['paragraph', 'Cars pay a fee.'],
      ['section', 'Funding'],
      ['paragraph', '국비 100억 원'],
      ['paragraph', '시비 50억 원'],
      ['paragraph', 'The city pays half.'],
      ['paragraph', 'The state pays the rest.'],
      ['paragraph', '1. Apply online.'],
      ['paragraph', '2. Pay the fee.'],
    ]);
    expectVerbatim(doc, raw);
  });

  it('gives each item its own block and files items under the section before them', () => {
    const items = doc.sentences.filter((s) => ['a new bridge', 'wider roads.', 'More buses', '국비 100억 원', '시비 50억 원'].includes(s.text));
    expect(new Set(items.map((s) => s.block)).size).toBe(items.length);
    expect(doc.sentences.find((s) => s.text === '시비 50억 원')!.section).toBe('Funding');
    expect(doc.sentences.find((s) => s.text === 'More buses')!.section).toBeNull();
  });

  it('splits a numbered list run into one line before each number, not after it', () => {
    expect(splitSentences('The album has three songs: 1. Blue Sky 2. 바다로 (Live Ver.) 3. Last Night')).toEqual([
      'The album has three songs:',
      '1. Blue Sky',
      '2. 바다로 (Live Ver.)',
      '3. Last Night',
    ]);
    // A day of the month at a sentence end is not a list number.
    expect(splitSentences('They met on March 3. The talks went on.')).toEqual(['They met on March 3.', 'The talks went on.']);
  });

  it('keeps a line of ▲ items that runs on into one sentence end whole, and splits items that are sentences of their own', () => {
    const line = '▲ 임시 숙소 제공 ▲ 지원금 지급 ▲ 세금 유예 등 대책도 발표됐다.';
    const d = ingest('measures.ko.txt', `시, 지원 대책 발표\n${line}\n▲ 시는 도로를 고쳤다. ▲ 도는 다리를 고쳤다.\n`);
    expect(textsOf(d)).toEqual(['시, 지원 대책 발표', line.slice(2), '시는 도로를 고쳤다.', '도는 다리를 고쳤다.']);
    expectVerbatim(d, `시, 지원 대책 발표\n${line}\n▲ 시는 도로를 고쳤다. ▲ 도는 다리를 고쳤다.\n`);
  });

  it('leaves a ▲ list inside a sentence alone', () => {
    const line = '시는 ▲ 도로 ▲ 교량 ▲ 공원 등을 정비하기로 했다.';
    const d = ingest('inline.ko.txt', `시, 정비 계획 발표\n${line}\n`);
    expect(textsOf(d)).toEqual(['시, 정비 계획 발표', line]);
  });
});

describe('quotations stay whole', () => {
  const cases: Array<[string, string[]]> = [
    ['그는 “좋다. 계속하자.”라고 말했다. 모두 박수를 쳤다.', ['그는 “좋다. 계속하자.”라고 말했다.', '모두 박수를 쳤다.']],
    ['그는 "좋다. 계속하자."라고 말했다. 모두 웃었다.', ['그는 "좋다. 계속하자."라고 말했다.', '모두 웃었다.']],
    ["그는 '좋다. 계속하자.'라고 말했다. 모두 웃었다.", ["그는 '좋다. 계속하자.'라고 말했다.", '모두 웃었다.']],
    ['그는 ‘좋다. 계속하자.’고 말했다. 모두 웃었다.', ['그는 ‘좋다. 계속하자.’고 말했다.', '모두 웃었다.']],
    ['He said, “Good. Go on.” Then he left.', ['He said, “Good. Go on.”', 'Then he left.']],
    ["He said, 'Good. Go on.' Then he left.", ["He said, 'Good. Go on.'", 'Then he left.']],
    ['He said, ‘Good. Go on.’ Then he left.', ['He said, ‘Good. Go on.’', 'Then he left.']],
    ['She said "We won. We are happy." and waved.', ['She said "We won. We are happy." and waved.']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => expect(splitSentences(text)).toEqual(expected));
  }

  it('does not let apostrophes or an unclosed quotation swallow the following sentences', () => {
    expect(splitSentences("St Joseph's College opened. The students' hall followed. It's big.")).toEqual([
      "St Joseph's College opened.",
      "The students' hall followed.",
      "It's big.",
    ]);
    expect(splitSentences('He wrote "a long note. It ends here. Nothing closes it.')).toHaveLength(3);
  });

  it('splits a quoted passage of several long sentences at its own sentence ends', () => {
    const quoted = Array.from({ length: 5 }, (_, i) => `Sentence ${i + 1} of the quoted report explains, at some length and with several clauses, one more finding of the study.`);
    const text = `The authors concluded: "${quoted.join(' ')}" Nobody disagreed.`;
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThanOrEqual(6);
    expect(sentences.every((s) => s.length < 200)).toBe(true);
    expect(sentences.at(-1)).toBe('Nobody disagreed.');
  });
});

describe('English documents', () => {
  it('ingests <slug>.en.txt exactly as a Korean or untagged file with the same text', () => {
    const raw = 'Dam square reopens\nDr. Smith said the U.S. firm would help.\n- new paving\n- more trees\n';
    const en = ingest('square.en.txt', raw);
    expect(en.slug).toBe('square');
    expect(en.sentences).toEqual(ingest('square.ko.txt', raw).sentences);
    expect(en.sentences).toEqual(ingest('square.txt', raw).sentences);
    expect(textsOf(en)).toEqual(['Dam square reopens', 'Dr. Smith said the U.S. firm would help.', 'new paving', 'more trees']);
  });
});
