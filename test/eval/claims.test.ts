/**
 * The bars of issue 10 on claim checking, on the claim set written from the article (true,
 * altered and unrelated statements in Korean and English) and on a held-out set written after the
 * checker was tuned on the first and never tuned on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimChecker } from '../../src/answer/claims.js';
import { createEngine, type QaEngine } from '../../src/answer/engine.js';
import { loadClaimSet, measureClaims, type ClaimRates, type SetClaim } from '../../src/eval/claim-set.js';

const SETS = { tuning: 'test/eval/claims.json', heldout: 'test/eval/claims.heldout.json' } as const;

let engine: QaEngine;
let indexDir: string;
const sets = new Map<keyof typeof SETS, SetClaim[]>();
const rates = new Map<keyof typeof SETS, Record<'all' | 'ko' | 'en', ClaimRates>>();

beforeAll(async () => {
  indexDir = mkdtempSync(path.join(tmpdir(), 'qa-claims-'));
  engine = await createEngine({ config: { SEEDS_DIR: 'seeds', INDEX_DIR: indexDir, EMBEDDING_DIM: 256 } });
  const checker = new ClaimChecker(engine);
  for (const [name, file] of Object.entries(SETS) as Array<[keyof typeof SETS, string]>) {
    const claims = await loadClaimSet(file);
    sets.set(name, claims);
    rates.set(name, await measureClaims(checker, claims));
  }
}, 120_000);

afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe('the claim sets', () => {
  it('hold at least 60 claims in both languages, each kind in each language, no claim twice', () => {
    const claims = sets.get('tuning')!;
    expect(claims.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['ko', 'en'] as const) {
      for (const kind of ['true', 'altered', 'unrelated'] as const) expect(claims.filter((c) => c.lang === lang && c.kind === kind).length, `${lang} ${kind}`).toBeGreaterThanOrEqual(10);
    }
    const all = [...sets.values()].flat().map((c) => c.claim.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  it('name only sentences of the article as gold, and the language each claim is written in', () => {
    const ids = new Set(engine.corpus.documents[0]!.sentences.map((s) => s.id));
    for (const c of [...sets.values()].flat()) {
      for (const id of c.gold) expect(ids.has(id), `${id} in ${c.claim}`).toBe(true);
      expect(/\p{Script=Hangul}/u.test(c.claim) ? 'ko' : 'en', c.claim).toBe(c.lang);
    }
  });

  it('alter numbers, counts, dates, companies, people, places and negations', () => {
    const kinds = new Set(sets.get('tuning')!.flatMap((c) => (c.alteration ? [c.alteration] : [])));
    for (const k of ['number', 'count', 'date', 'company', 'person', 'place', 'negation'] as const) expect(kinds.has(k), k).toBe(true);
  });
});

describe.each(['all', 'ko', 'en'] as const)('the bars on the claim set (%s)', (lang) => {
  it('true claims are supported ≥ 90%', () => expect(rates.get('tuning')![lang].trueSupported).toBeGreaterThanOrEqual(0.9));
  it('altered claims are not supported ≥ 95%', () => expect(rates.get('tuning')![lang].alteredNotSupported).toBeGreaterThanOrEqual(0.95));
  it('altered claims get "the article says otherwise" ≥ 75%', () => expect(rates.get('tuning')![lang].alteredContradicted).toBeGreaterThanOrEqual(0.75));
  it('unrelated claims get "not in the article" ≥ 95%', () => expect(rates.get('tuning')![lang].unrelatedNotInArticle).toBeGreaterThanOrEqual(0.95));
  it('a supported or contradicted verdict quotes a gold sentence first ≥ 90%', () => expect(rates.get('tuning')![lang].evidenceInGold).toBeGreaterThanOrEqual(0.9));
});

/**
 * The held-out set, overall (its per-language groups hold only 8–12 claims each). Measured when it
 * was first run, before any change prompted by it: true 20/24 supported, altered 22/24 not
 * supported and 18/24 contradicted, unrelated 16/16. The bars below are the issue's.
 */
describe('the bars on the held-out set', () => {
  const all = () => rates.get('heldout')!.all;
  it('true claims are supported ≥ 90%', () => expect(all().trueSupported).toBeGreaterThanOrEqual(0.9));
  it('altered claims are not supported ≥ 95%', () => expect(all().alteredNotSupported).toBeGreaterThanOrEqual(0.95));
  it('altered claims get "the article says otherwise" ≥ 75%', () => expect(all().alteredContradicted).toBeGreaterThanOrEqual(0.75));
  it('unrelated claims get "not in the article" ≥ 95%', () => expect(all().unrelatedNotInArticle).toBeGreaterThanOrEqual(0.95));
});

describe('quotes', () => {
  it('are verbatim sentences of the article, and every mark marks the text it says it marks', async () => {
    const checker = new ClaimChecker(engine);
    for (const c of sets.get('tuning')!.slice(0, 40)) {
      const result = await checker.checkClaim(c.claim);
      for (const q of [...result.citations, ...result.related]) {
        expect(q.text).toBe(engine.passage(q.document, q.id)!.sentence.text);
        for (const m of q.marks) expect(q.text.slice(m.start, m.end)).toBe(m.text);
        for (const m of q.translationMarks ?? []) expect(q.translation!.slice(m.start, m.end)).toBe(m.text);
      }
    }
  });
});
