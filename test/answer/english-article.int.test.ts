import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryEngine, type QaEngine } from '../../src/answer/engine.js';

// An English news page as scraped (menus, byline, share buttons, related stories, copyright), with no sidecar:
// dropped into seeds/, it must work without a code change.
const raw = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'harbor-bridge.en.txt'), 'utf8');
let engine: QaEngine;
const textOf = (id: string) => engine.passages.find((p) => p.sentence.id === id)!.sentence.text;

beforeAll(async () => {
  engine = await createMemoryEngine(new Map([['harbor-bridge.en.txt', raw]]));
});

describe('an English article with no sidecar', () => {
  it('takes its title from the headline, not from the page menu, and its publisher from the copyright line', () => {
    expect(engine.corpus.documents[0]).toMatchObject({ title: 'Harbor Bridge reopens after two-year repair, city says traffic will ease', publisher: 'Port Ellison Herald' });
  });

  it.each([
    ['When was the bridge built?', '1962'],
    ['Who cut the ribbon?', 'Ruth Okafor'],
    ['What is the new speed limit?', '40 kilometres'],
    ['When does the mayor hope to open the tunnel?', '2030'],
    ['Who criticised the tunnel plan?', 'Victor Hale'],
  ])('answers "%s" from the sentence that says %s', async (q, fact) => {
    const result = await engine.ask(q);
    expect(result.answered).toBe(true);
    expect(textOf(result.citations[0]!.id)).toContain(fact);
  });

  it('answers "when did this happen?" with the lead, dated by its weekday, and a story date in Korean the same way', async () => {
    const when = await engine.ask('When did this happen?');
    expect(when.answered).toBe(true);
    expect(textOf(when.citations[0]!.id)).toContain('reopened to traffic on Monday');
    expect(when.answer).toMatch(/^On Monday: /);
  });

  it('gives the sub-headline for what it says, and the body sentence for when what it names happens', async () => {
    const says = await engine.ask('What does the subheadline say?');
    expect(textOf(says.citations[0]!.id)).toBe('Mayor promises a second crossing by 2030');
    const when = await engine.ask('The subheadline mentions a second crossing - when will it open?');
    expect(textOf(when.citations[0]!.id)).toContain('Tern Point tunnel');
    expect(when.answer).toMatch(/^2030: /);
  });

  it('takes "the title" loosely: a heading of another kind that holds the words asked about ranks above the headline', async () => {
    const plain = await engine.ask('What is the title?');
    expect(textOf(plain.citations[0]!.id)).toBe('Harbor Bridge reopens after two-year repair, city says traffic will ease');
    const ranked = (await engine.rank('What does the title say about the budget of the mayor?', 8)).map((r) => r.passage.sentence.text);
    const subheadline = ranked.indexOf('Mayor promises a second crossing by 2030');
    const headline = ranked.indexOf('Harbor Bridge reopens after two-year repair, city says traffic will ease');
    expect(subheadline).toBeGreaterThanOrEqual(0);
    expect(headline === -1 || subheadline < headline).toBe(true);
  });

  it('gives the one section heading asked for by its position', async () => {
    for (const [q, heading] of [['What does the second section heading say?', 'What comes next'], ['What is the first section heading?', 'What changed'], ["What's the last section heading?", 'What comes next']]) {
      const result = await engine.ask(q!);
      expect(result.citations.map((c) => textOf(c.id)), q).toEqual([heading]);
    }
  });

  it('gives every section heading when asked for them all, read in article order', async () => {
    for (const q of ['What are the section headings?', 'What are the two section headings under the headline?']) {
      const result = await engine.ask(q);
      expect(result.citations.map((c) => textOf(c.id)).sort(), q).toEqual(['What changed', 'What comes next']);
      expect(result.answer.indexOf('What changed'), q).toBeLessThan(result.answer.indexOf('What comes next'));
    }
  });

  it('leads a cost question with the amount and its currency, not the "two" of "two-year"', async () => {
    const result = await engine.ask('How much did the repair cost?');
    expect(result.answer).toMatch(/^84 million dollars: /);
  });

  it('sums the page up from its headline, sub-headline and lead, never from chrome', async () => {
    const result = await engine.ask('Summarize the article');
    expect(result.citations.map((c) => c.text)).toEqual([
      'Harbor Bridge reopens after two-year repair, city says traffic will ease',
      'Mayor promises a second crossing by 2030',
      'The Harbor Bridge in Port Ellison reopened to traffic on Monday after a two-year repair that cost 84 million dollars, city officials said.',
      'Mayor Ruth Okafor cut the ribbon at 9 a.m. and said the reopening would "cut the morning commute by twenty minutes for thousands of families."',
    ]);
  });
});
