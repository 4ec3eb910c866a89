/**
 * Word order as a ranking signal. English marks who did what to whom by order ("the ministry Lee runs",
 * "came before the Yuan"), so a sentence that keeps a question's neighbouring words close and in order
 * more likely says what the question asks than one that only shares the words. Korean marks roles with
 * particles and orders words freely, so its words form no pairs here.
 */

/** Most positions apart, in content words, that two words of a pair may stand and still count as kept together. */
export const WORD_ORDER_WINDOW = 3;

const LATIN_KEY = /^[a-z0-9]/;

/**
 * Neighbouring content-word keys of a question, in order, where both are Latin-script words (repeats of
 * one word skipped). `terms` are the keys of multi-word terms the question names (its glossary hits):
 * their inner pairs are left out, since matching the term already credits its words' order.
 */
export function orderedWordPairs(keys: readonly string[], terms: readonly (readonly string[])[] = []): [string, string][] {
  const inner = new Set(terms.flatMap((term) => term.slice(1).map((second, i) => `${term[i]} ${second}`)));
  const pairs: [string, string][] = [];
  for (let i = 1; i < keys.length; i++) {
    const first = keys[i - 1]!;
    const second = keys[i]!;
    if (first !== second && LATIN_KEY.test(first) && LATIN_KEY.test(second) && !inner.has(`${first} ${second}`)) pairs.push([first, second]);
  }
  return pairs;
}

/** Share of the pairs whose second word follows the first within {@link WORD_ORDER_WINDOW} content words of the passage. */
export function wordOrderMatch(pairs: readonly (readonly [string, string])[], passageKeys: readonly string[]): number {
  if (pairs.length === 0) return 0;
  let kept = 0;
  for (const [first, second] of pairs) if (keepsOrder(first, second, passageKeys)) kept++;
  return kept / pairs.length;
}

function keepsOrder(first: string, second: string, keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== first) continue;
    const last = Math.min(keys.length - 1, i + WORD_ORDER_WINDOW);
    for (let j = i + 1; j <= last; j++) if (keys[j] === second) return true;
  }
  return false;
}
