import type { Passage } from '../../src/search/passages.js';
import { describe, expect, it } from 'vitest';
import { SentenceIndex } from '../../src/discord/sentences.js';

function passage(document: string, ordinal: number, text: string, translation?: string): Passage {
  const sentence = { id: `S${ordinal}`, document, ordinal, text, start: 0, end: text.length, kind: 'paragraph' as const, block: ordinal, section: null };
  return { key: `${document}#S${ordinal}`, sentence, translation, searchText: text, tokenList: [], tokens: new Set(), wordKeys: [] };
}

const one = new SentenceIndex(
  [passage('a', 1, '첫 문장.', 'First.'), passage('a', 2, '삼성전자가 참석했다.', 'Samsung attended.'), ...Array.from({ length: 30 }, (_, i) => passage('a', i + 3, `문장 ${i + 3}.`))],
  [{ slug: 'a', title: 'A', publisher: null }],
);

describe('SentenceIndex', () => {
  it('resolves ids as people type them', () => {
    for (const typed of ['S2', 's2', '2', 'a#S2', ' S2 ']) expect(one.resolve(typed)).toMatchObject({ ok: true, passage: { sentence: { id: 'S2' } } });
    expect(one.resolve('S999')).toEqual({ ok: false, reason: 'not-found' });
    expect(one.resolve('b#S2')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('gives neighbours within the document only', () => {
    const ctx = one.inContext(one.get('a', 'S1')!);
    expect(ctx.before).toBeUndefined();
    expect(ctx.after?.sentence.id).toBe('S2');
  });

  it('suggests exact id first, then ids with that prefix, then text matches, at most 25', () => {
    expect(one.suggest('s1').map((c) => c.value).slice(0, 4)).toEqual(['S1', 'S10', 'S11', 'S12']);
    expect(one.suggest('samsung').map((c) => c.value)).toEqual(['S2']);
    expect(one.suggest('삼성')[0]).toEqual({ name: 'S2 · 삼성전자가 참석했다.', value: 'S2' });
    expect(one.suggest('')).toHaveLength(25);
    expect(one.suggest('nothing like this')).toEqual([]);
  });

  it('with several documents: labels carry the document and a bare id that exists twice is ambiguous', () => {
    const two = new SentenceIndex([passage('a', 1, 'A one.'), passage('b', 1, 'B one.')], [
      { slug: 'a', title: 'A', publisher: null },
      { slug: 'b', title: 'B', publisher: null },
    ]);
    expect(two.resolve('S1')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(two.resolve('b#S1')).toMatchObject({ ok: true, passage: { sentence: { document: 'b' } } });
    expect(two.suggest('S1')).toEqual([
      { name: 'S1 · a · A one.', value: 'a#S1' },
      { name: 'S1 · b · B one.', value: 'b#S1' },
    ]);
  });

  it('matches typed words from the start of a word, in the text or its English rendering, several words in a row', () => {
    const index = new SentenceIndex(
      [
        passage('a', 1, '삼성전자가 참석했다.', 'Samsung Electronics attended.'),
        passage('a', 2, '(MOU)를 체결했다.', 'They signed an MOU.'),
        passage('a', 3, '한미 공급망 대화를 열었다.', 'They held the supply-chain dialogue.'),
        passage('a', 4, '공급망과 대화는 별개다.'),
      ],
      [{ slug: 'a', title: 'A', publisher: null }],
    );
    const ids = (typed: string) => index.suggest(typed).map((c) => c.value);
    expect(ids('삼성')).toEqual(['S1']);
    expect(ids('ELECTRONICS att')).toEqual(['S1']);
    expect(ids('mou')).toEqual(['S2']);
    expect(ids('(mou)를')).toEqual(['S2']);
    expect(ids('공급망')).toEqual(['S3', 'S4']);
    expect(ids('공급망 대화')).toEqual(['S3']);
    expect(ids('supply-ch')).toEqual(['S3']);
    expect(ids('upply')).toEqual([]); // inside a word
    expect(ids('공급망 대화를 열었다. 더')).toEqual([]);
    expect(ids('없는 말')).toEqual([]);
  });

  it('puts typed ids before text that contains the digits, without repeating a sentence', () => {
    const index = new SentenceIndex(
      [passage('a', 1, '2022년 5월.'), passage('a', 2, '둘째 2번.'), passage('a', 3, '셋째.'), ...Array.from({ length: 20 }, (_, i) => passage('a', i + 4, `${i + 4}번째 문장.`))],
      [{ slug: 'a', title: 'A', publisher: null }],
    );
    expect(index.suggest('2').map((c) => c.value)).toEqual(['S2', 'S20', 'S21', 'S22', 'S23', 'S1']);
  });

  it('keeps choice names short even for a sentence of a megabyte', () => {
    const index = new SentenceIndex([passage('a', 1, `${'긴 문장 '.repeat(200_000)}끝.`)], [{ slug: 'a', title: 'A', publisher: null }]);
    const [choice] = index.suggest('긴');
    expect(choice!.value).toBe('S1');
    expect([...choice!.name].length).toBeLessThanOrEqual(100);
  });
});

/**
 * Passages whose every read is counted: a suggestion that reads a number of passages independent
 * of the corpus size is an indexed one; a scan reads them all.
 */
function countedCorpus(size: number, special: ReadonlyMap<number, string>) {
  const documents = Array.from({ length: Math.ceil(size / 30) }, (_, d) => ({ slug: `d${d}`, title: `D${d}`, publisher: null }));
  const list = Array.from({ length: size }, (_, i) => passage(`d${Math.floor(i / 30)}`, (i % 30) + 1, special.get(i) ?? `평범한 문장 ${i % 997} 번째 내용 word${i % 131}.`, `Plain sentence number ${i % 211}.`));
  let reads = 0;
  const counted = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const index = new SentenceIndex(counted, documents);
  return {
    index,
    /** Passages read by one suggestion. */
    readsFor(typed: string) {
      reads = 0;
      const choices = index.suggest(typed);
      return { choices, reads };
    },
  };
}

describe('SentenceIndex.suggest at scale', () => {
  // 200,000 sentences with a few rare words near the end: a scan reads them all on every keystroke.
  const size = 200_000;
  const corpus = countedCorpus(size, new Map([[199_990, '드물게 등장하는 삼성전자 이야기.'], [150_000, '삼성바이오 소식.'], [199_999, 'A rare Qualcomm remark.']]));

  it.each(['삼', '삼성', '삼성전', '삼성전자 이', 'q', 'qual', 'rare qualcomm', '평범', 'plain sentence', 'S1', 'S29', '12', '', 'zzz 없는말', '.'])(
    'reads a bounded number of passages for %j',
    (typed) => {
      const { reads } = corpus.readsFor(typed);
      expect(reads).toBeLessThanOrEqual(2_000);
    },
  );

  it('still finds the rare sentences, in article order', () => {
    expect(corpus.readsFor('삼성').choices.map((c) => c.value)).toEqual(['d5000#S1', 'd6666#S11']);
    expect(corpus.readsFor('삼성전자').choices.map((c) => c.value)).toEqual(['d6666#S11']);
    expect(corpus.readsFor('qualcomm').choices.map((c) => c.value)).toEqual(['d6666#S20']);
    expect(corpus.readsFor('word7.').choices).toHaveLength(25);
    expect(corpus.readsFor('S12').choices.slice(0, 3).map((c) => c.value)).toEqual(['d0#S12', 'd1#S12', 'd2#S12']);
  });
});
