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
});
