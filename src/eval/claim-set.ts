/**
 * Claim sets: statements written from the article, each marked true (a paraphrase of what it says),
 * altered (a changed number, name, place, count or negation) or unrelated, with the sentences
 * that carry or contradict it. Loading checks the format; {@link measureClaims} gives the rates
 * the bars are set on.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { CheckedClaim, ClaimChecker, Verdict } from '../answer/claims.js';

const claimSetFile = z.array(
  z
    .object({
      claim: z.string().min(1),
      lang: z.enum(['ko', 'en']),
      kind: z.enum(['true', 'altered', 'unrelated']),
      alteration: z.enum(['number', 'count', 'date', 'company', 'person', 'place', 'organisation', 'title', 'negation']).optional(),
      gold: z.array(z.string().regex(/^S\d+$/u)),
    })
    .strict()
    .refine((c) => (c.kind === 'altered') === (c.alteration !== undefined), 'an altered claim says what was altered, and only it')
    .refine((c) => (c.kind === 'unrelated') === (c.gold.length === 0), 'gold sentences exactly for true and altered claims'),
);

/** One statement of a claim set. */
export type SetClaim = z.infer<typeof claimSetFile>[number];

/** Reads and checks a claim set. */
export async function loadClaimSet(file: string): Promise<SetClaim[]> {
  return claimSetFile.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** The verdict each kind of claim should get. */
export const EXPECTED: Record<SetClaim['kind'], Verdict> = { true: 'supported', altered: 'contradicted', unrelated: 'not-in-article' };

/** Rates of one group of claims (a language, or all). */
export interface ClaimRates {
  trueClaims: number;
  altered: number;
  unrelated: number;
  /** Share of true claims marked supported. */
  trueSupported: number;
  /** Share of altered claims not marked supported. */
  alteredNotSupported: number;
  /** Share of altered claims marked "the article says otherwise". */
  alteredContradicted: number;
  /** Share of unrelated claims marked "not in the article". */
  unrelatedNotInArticle: number;
  /** Share of supported or contradicted verdicts (of true and altered claims) whose first quote is a gold sentence. */
  evidenceInGold: number;
  /** Claims whose verdict is not the expected one, for the report. */
  misses: Array<{ claim: string; kind: SetClaim['kind']; verdict: Verdict }>;
}

/** Checks every claim and measures the rates, overall and per language. */
export async function measureClaims(checker: ClaimChecker, claims: readonly SetClaim[]): Promise<Record<'all' | 'ko' | 'en', ClaimRates>> {
  const results: Array<{ c: SetClaim; r: CheckedClaim }> = [];
  for (const c of claims) results.push({ c, r: await checker.checkClaim(c.claim) });
  const rates = (lang: 'all' | 'ko' | 'en'): ClaimRates => {
    const group = results.filter(({ c }) => lang === 'all' || c.lang === lang);
    const of = (kind: SetClaim['kind']) => group.filter(({ c }) => c.kind === kind);
    const share = (items: typeof group, test: (v: Verdict) => boolean) => (items.length === 0 ? 1 : items.filter(({ r }) => test(r.verdict)).length / items.length);
    const decided = group.filter(({ c, r }) => c.kind !== 'unrelated' && r.verdict === EXPECTED[c.kind]);
    return {
      trueClaims: of('true').length,
      altered: of('altered').length,
      unrelated: of('unrelated').length,
      trueSupported: share(of('true'), (v) => v === 'supported'),
      alteredNotSupported: share(of('altered'), (v) => v !== 'supported'),
      alteredContradicted: share(of('altered'), (v) => v === 'contradicted'),
      unrelatedNotInArticle: share(of('unrelated'), (v) => v === 'not-in-article'),
      evidenceInGold: decided.length === 0 ? 1 : decided.filter(({ c, r }) => c.gold.includes(r.citations[0]?.id ?? '')).length / decided.length,
      misses: group.filter(({ c, r }) => r.verdict !== EXPECTED[c.kind]).map(({ c, r }) => ({ claim: c.claim, kind: c.kind, verdict: r.verdict })),
    };
  };
  return { all: rates('all'), ko: rates('ko'), en: rates('en') };
}
