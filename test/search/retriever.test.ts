import { describe, expect, it } from 'vitest';
import { GlossaryMatcher } from '../../src/search/glossary.js';
import { analyzeQuery } from '../../src/search/query.js';
import type { Passage } from '../../src/search/passages.js';
import { DEFAULT_WEIGHTS, type RankedPassage } from '../../src/search/retriever.js';
import { tinyRetriever, type TinyBlock } from './tiny-corpus.js';

/** An invented article about a town council: "council" is everywhere, "library" and "Okafor" are rare. */
const BLOCKS: TinyBlock[] = [
  { kind: 'headline', sentences: ['Riverside council backs harbor plan'] }, // S1
  { sentences: ['The town council met on Tuesday evening.', 'The council approved a new harbor plan.', 'Its cost reached twelve million dollars.'] }, // S2-S4
  { sentences: ['Fishermen welcomed the harbor decision.'] }, // S5
  { sentences: ['The cost reached twelve million dollars.'] }, // S6: the same words as S4, but its previous sentence is in another block and it does not refer back
  { sentences: ['Volunteers painted the old fence.', 'The council thanked them.'] }, // S7-S8
  { sentences: ['Mayor Okafor signed the contract with the council.'] }, // S9
  { sentences: ['The council said the library roof leaks.'] }, // S10
  { sentences: ['Volunteers painted the old fence.'] }, // S11: the same as S7
  { sentences: ['시의회는 항구 예산을 승인했다.', 'The council will meet again in spring.'] }, // S12-S13
  { sentences: ['The library opens at noon.'] }, // S14
  { sentences: ['The ferry pier was rebuilt.'] }, // S15
  { sentences: ['Its repair took nine weeks.'] }, // S16: its own paragraph, but "Its" refers back to S15
];

const { retriever, passages, bm25 } = tinyRetriever(BLOCKS);
const query = (text: string, glossary?: GlossaryMatcher) => analyzeQuery(text, { vocabulary: retriever.vocabulary, glossary });
const passage = (id: string) => passages.find((p) => p.sentence.id === id)!;
const rankAll = (text: string) => retriever.retrieve(query(text), passages.length);
const byId = (ranked: RankedPassage[], id: string) => ranked.find((r) => r.passage.sentence.id === id)!;
const ids = (ranked: RankedPassage[]) => ranked.map((r) => r.passage.sentence.id);

describe('HybridRetriever: concept weights and support', () => {
  it('weighs a word the article has by its BM25 IDF, so a rarer word weighs more', () => {
    const [council, library] = query('council library').concepts;
    expect(retriever.conceptWeight(council!)).toBeCloseTo(bm25.idf('council'), 10);
    expect(retriever.conceptWeight(library!)).toBeCloseTo(bm25.idf('librari'), 10);
    expect(bm25.documentFrequency('council')).toBeGreaterThan(bm25.documentFrequency('librari'));
    expect(retriever.conceptWeight(library!)).toBeGreaterThan(retriever.conceptWeight(council!));
  });

  it('weighs a word the article lacks as a share of the highest IDF: less for a verb-like Korean word than a Korean noun', () => {
    const maxIdf = bm25.idf('never-a-token-of-this-article');
    const weight = (text: string) => retriever.conceptWeight(query(text).concepts[0]!);
    expect(weight('weather')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenWordWeight, 10);
    expect(weight('날씨')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenKoreanNounWeight, 10);
    expect(weight('줄었어')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenVerbWeight, 10);
  });

  it('weighs the noun of a closing predicate with 하다 (`어디서 준설함`) as a verb, the same noun elsewhere as a noun', () => {
    const maxIdf = bm25.idf('never-a-token-of-this-article');
    const weightOf = (text: string, label: string) => retriever.conceptWeight(query(text).concepts.find((c) => c.label === label)!);
    expect(weightOf('항구 어디서 준설함', '준설')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenVerbWeight, 10);
    expect(weightOf('준설 비용 알려줘', '준설')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenKoreanNounWeight, 10);
  });

  it('weighs a word in an adnominal form before the bound noun 거/것 (`모이는 거임`, `꺼낸 거야`) as a verb, the same form before a noun as a noun', () => {
    const maxIdf = bm25.idf('never-a-token-of-this-article');
    const weightOf = (text: string, label: string) => retriever.conceptWeight(query(text).concepts.find((c) => c.label === label)!);
    expect(weightOf('항구 앞에 모이는 거임?', '모이')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenVerbWeight, 10);
    expect(weightOf('예산 얘기 누가 꺼낸 거야?', '꺼낸')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenVerbWeight, 10);
    expect(weightOf('모이는 장소 알려줘', '모이')).toBeCloseTo(maxIdf * DEFAULT_WEIGHTS.unseenKoreanNounWeight, 10);
  });

  it('weighs a Korean word the article has only in pieces by the mean IDF of its known bigrams', () => {
    const [harborBudget] = query('항구예산').concepts; // bigrams 항구 구예 예산; the article has 항구 and 예산
    expect(retriever.conceptWeight(harborBudget!)).toBeCloseTo((bm25.idf('항구') + bm25.idf('예산')) / 2, 10);
  });

  it('is the IDF-weighted share of the question concepts the passage contains', () => {
    const q = query('harbor cost');
    const [harbor, cost] = q.concepts.map((c) => retriever.conceptWeight(c));
    expect(retriever.support(q, passage('S6'))).toBeCloseTo(cost! / (harbor! + cost!), 10);
    expect(retriever.support(q, passage('S5'))).toBeCloseTo(harbor! / (harbor! + cost!), 10);
    expect(retriever.support(q, passage('S9'))).toBe(0);
  });

  it('is 1 when the passage holds every concept', () => {
    expect(retriever.support(query('Who painted the fence?'), passage('S7'))).toBe(1);
  });

  it('lets a passage with the rarer word outrank one with the common word', async () => {
    const ranked = await rankAll('council library');
    expect(byId(ranked, 'S14').support).toBeGreaterThan(byId(ranked, 'S2').support);
    expect(ids(ranked).indexOf('S14')).toBeLessThan(ids(ranked).indexOf('S2'));
    expect(ids(ranked)[0]).toBe('S10'); // both words
  });
});

describe('HybridRetriever: context from the previous sentence', () => {
  it('credits a concept found only in the previous sentence of the same block at the context weight', async () => {
    const q = query('harbor cost');
    const [harbor, cost] = q.concepts.map((c) => retriever.conceptWeight(c));
    const ranked = await retriever.retrieve(q, passages.length);
    expect(byId(ranked, 'S4').support).toBeCloseTo((cost! + DEFAULT_WEIGHTS.context * harbor!) / (harbor! + cost!), 10);
  });

  it('gives no such credit across blocks: the same sentence after another paragraph gets only its own words', async () => {
    const q = query('harbor cost');
    const ranked = await retriever.retrieve(q, passages.length);
    // S5 (just before S6) mentions the harbor, but it is another paragraph.
    expect(passage('S5').tokens.has('harbor')).toBe(true);
    expect(byId(ranked, 'S6').support).toBeCloseTo(retriever.support(q, passage('S6')), 10);
    expect(byId(ranked, 'S4').support).toBeGreaterThan(byId(ranked, 'S6').support);
    expect(ids(ranked).indexOf('S4')).toBeLessThan(ids(ranked).indexOf('S6'));
  });

  it('credits the paragraph before when a sentence opens by referring back to it ("Its", "They", "이들은", "또")', async () => {
    const q = query('ferry repair');
    const [ferry, repair] = q.concepts.map((c) => retriever.conceptWeight(c));
    const ranked = await retriever.retrieve(q, passages.length);
    expect(byId(ranked, 'S16').support).toBeCloseTo((repair! + DEFAULT_WEIGHTS.context * ferry!) / (ferry! + repair!), 10);
  });

  it('does not let context stand in for what the passage itself lacks in the missing-focus signal', async () => {
    const ranked = await rankAll('harbor cost');
    const q = query('harbor cost');
    const [harbor, cost] = q.concepts.map((c) => retriever.conceptWeight(c));
    expect(byId(ranked, 'S4').missingFocus).toBeCloseTo(harbor! / (harbor! + cost!), 10);
  });
});

describe('HybridRetriever: names and focus', () => {
  it('reports coversNames false for passages without a rare name the question gives', async () => {
    const ranked = await rankAll('Did Okafor sign the contract?');
    expect(ids(ranked)[0]).toBe('S9');
    expect(byId(ranked, 'S9').coversNames).toBe(true);
    for (const r of ranked.filter((r) => r.passage.sentence.id !== 'S9')) expect(r.coversNames).toBe(false);
  });

  it('does not require a name the article uses everywhere (below the distinctive-name weight)', async () => {
    const q = query('Did the Council sign the contract?');
    const council = q.concepts.find((c) => c.label === 'council')!;
    expect(council.properName).toBe(true);
    expect(retriever.conceptWeight(council)).toBeLessThan(DEFAULT_WEIGHTS.distinctiveName);
    const ranked = await retriever.retrieve(q, passages.length);
    expect(byId(ranked, 'S14').coversNames).toBe(true); // no "council" in it
  });

  it('gives missingFocus as the weight share of the heaviest concept the passage lacks, 0 when it lacks none', async () => {
    const q = query('harbor cost');
    const [harbor, cost] = q.concepts.map((c) => retriever.conceptWeight(c));
    const ranked = await retriever.retrieve(q, passages.length);
    expect(byId(ranked, 'S6').missingFocus).toBeCloseTo(harbor! / (harbor! + cost!), 10);
    expect(byId(ranked, 'S5').missingFocus).toBeCloseTo(cost! / (harbor! + cost!), 10);
    expect(byId(await rankAll('Did Okafor sign the contract?'), 'S9').missingFocus).toBe(0);
  });

  it('takes the heaviest missing concept, not the sum of them', async () => {
    const q = query('Okafor library roof');
    const weights = q.concepts.map((c) => retriever.conceptWeight(c));
    const total = weights.reduce((a, b) => a + b, 0);
    const ranked = await retriever.retrieve(q, passages.length);
    // S13 has none of the three: the heaviest alone, not all of them.
    expect(byId(ranked, 'S13').missingFocus).toBeCloseTo(Math.max(...weights) / total, 10);
    expect(byId(ranked, 'S13').missingFocus).toBeLessThan(1);
  });
});

describe('HybridRetriever: unseen words', () => {
  it('lists question words the article never uses, not even as a bigram', () => {
    expect(retriever.unseenWords(query('Did the council discuss the weather?')).map((w) => w.key)).toEqual(['weather']);
    expect(retriever.unseenWords(query('날씨 때문에 항구예산이 줄었어?')).map((w) => w.key)).toEqual(['날씨', '줄었어']); // 때문에 is grammar, not a word the article lacks
  });

  it('keeps as seen concepts exactly the question words the article uses somewhere', () => {
    expect(retriever.seenConcepts(query('Did the council discuss the weather?')).map((c) => c.label)).toEqual(['council']); // 'discuss' frames the question; 'weather' is nowhere
  });

  it('does not list a word the article has only as bigrams (항구예산 → 항구, 예산)', () => {
    expect(retriever.unseenWords(query('항구예산은?'))).toEqual([]);
  });

  it('does not list a misspelling of an article word', () => {
    const q = query('Did the council discuss the libary?');
    expect(q.concepts.find((c) => c.label === 'libari')?.fuzzy.map((f) => f.key)).toEqual(['librari']);
    expect(retriever.unseenWords(q)).toEqual([]);
  });

  it('does not list a glossary term, even when the article uses another form of it', () => {
    const glossary = new GlossaryMatcher([{ ko: ['기상'], en: ['meteorology'] }]);
    expect(retriever.unseenWords(query('Was meteorology discussed?', glossary))).toEqual([]);
    expect(retriever.unseenWords(query('Was meteorology discussed?')).map((w) => w.key)).toEqual(['meteorolog']);
  });
});

describe('HybridRetriever: ranking', () => {
  it('returns at most k passages, best first', async () => {
    const ranked = await retriever.retrieve(query('harbor cost'), 3);
    expect(ranked).toHaveLength(3);
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps article order between passages that score the same', async () => {
    // hnswlib already returns equal distances in label order; this guards the retriever's own tie-break.
    const ranked = await rankAll('Who painted the fence?');
    expect(byId(ranked, 'S7').score).toBe(byId(ranked, 'S11').score);
    expect(ids(ranked).slice(0, 2)).toEqual(['S7', 'S11']);
  });

  it('adds the caller boost to the fused score', async () => {
    const q = query('harbor cost');
    const plain = await retriever.retrieve(q, passages.length);
    const boosted = await retriever.retrieve(q, passages.length, (p) => (p.sentence.id === 'S13' ? 0.5 : 0));
    expect(byId(boosted, 'S13').score).toBeCloseTo(byId(plain, 'S13').score + 0.5, 10);
    expect(byId(boosted, 'S4').score).toBeCloseTo(byId(plain, 'S4').score, 10);
  });

  it('returns nothing for an empty article', async () => {
    const empty = tinyRetriever([]).retriever;
    expect(await empty.retrieve(analyzeQuery('anything at all'), 5)).toEqual([]);
  });
});

describe('HybridRetriever: a sentence that only restates the question about "this X"', () => {
  /** An invented geology text: the theory is named in S1; S2 says what the question says of "this theory". */
  const GEOLOGY: TinyBlock[] = [
    { sentences: ['The book promoted the doctrine of gradualism.', 'This theory states that slow processes shaped the valley.', 'Rival geologists favoured sudden floods.'] },
    { sentences: ['Slow processes shaped the valley, the survey states.'] }, // S4: the same words, pointing back to nothing
  ];
  const geology = tinyRetriever(GEOLOGY);
  const ask = (text: string, restates?: (p: Passage) => boolean) => geology.retriever.retrieve(analyzeQuery(text, { vocabulary: geology.retriever.vocabulary }), 4, undefined, restates);
  const restating = (p: Passage) => p.sentence.id === 'S2';

  it('ranks the sentence it points back to with its score, and itself below by the restatement weight', async () => {
    const plain = await ask('Which theory states that slow processes shaped the valley?');
    const lifted = await ask('Which theory states that slow processes shaped the valley?', restating);
    expect(ids(plain)[0]).toBe('S2');
    expect(ids(lifted)[0]).toBe('S1');
    expect(byId(lifted, 'S1').score).toBeCloseTo(byId(plain, 'S2').score, 10);
    expect(byId(lifted, 'S2').score).toBeCloseTo(byId(plain, 'S2').score - DEFAULT_WEIGHTS.restatement, 10);
  });

  it('lifts nothing for a restating sentence that does not point back', async () => {
    const plain = await ask('Which survey states that slow processes shaped the valley?');
    const checked = await ask('Which survey states that slow processes shaped the valley?', (p) => p.sentence.id === 'S4');
    expect(checked.map((r) => [r.passage.sentence.id, r.score])).toEqual(plain.map((r) => [r.passage.sentence.id, r.score]));
  });
});
