import { disassembleCompleteCharacter, romanize } from 'es-hangul';
import { distance } from 'fastest-levenshtein';
import { hasHangul } from './tokenize.js';

/** Words whose nearest article words are remembered; past this the memory starts afresh. */
const FOUND_LIMIT = 10_000;

/** How a misspelt word was matched to a word of the article. */
export interface FuzzyMatch {
  /** The article's word key. */
  key: string;
  /**
   * `spelling`: the same script, a few letters off; `derivation`: one English stem begins the other
   * (`religi`/`religion`, `discov`/`discoveri`); `romanization`: Hangul and Latin forms of one name.
   */
  via: 'spelling' | 'derivation' | 'romanization';
}

/** Shortest English stems compared as one word family, and the most letters one may add to the other. */
const MIN_DERIVED_STEM = 5;
const MAX_DERIVED_EXTRA = 3;

/** Edits allowed for a Latin misspelling: none for short words (`china` is not `chinese`), one or two for longer ones. */
function allowedEdits(length: number): number {
  if (length < 6) return 0;
  return length < 9 ? 1 : 2;
}

/** Syllables as (initial, vowel, final) triples, compound vowels whole: `콸` is ㅋ·ㅘ·ㄹ, one vowel away from `퀄`. */
function syllableParts(word: string): string[][] {
  return [...word].map((c) => {
    const parts = disassembleCompleteCharacter(c);
    return parts ? [parts.choseong, parts.jungseong, parts.jongseong] : [c, '', ''];
  });
}

/**
 * True when two Hangul words of the same length differ in exactly one syllable part. In two-syllable
 * words only a vowel may differ (`롸이트`/`뤄이트`), since one consonant turns a word into another word
 * (`시간`/`시장`); longer words may differ in any one part (`마르코나`/`마르쿄나`).
 */
function oneJamoApart(a: string[][], b: string[][]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let differences = 0;
  let vowelOnly = true;
  a.forEach((syllable, i) => syllable.forEach((part, j) => {
    if (part !== b[i]![j]) {
      differences++;
      if (j !== 1) vowelOnly = false;
    }
  }));
  return differences === 1 && (a.length >= 3 || vowelOnly);
}

/** Latin spelling of a Hangul word, lower-cased, letters only (`서울` → `seoul`). */
function romanized(word: string): string {
  return romanize(word).toLowerCase().replace(/[^a-z]/g, '');
}

/** Latin letters of a word with doubled letters and vowels folded, so romanizations of one name meet. */
function skeleton(latin: string): string {
  return latin.replace(/(.)\1+/g, '$1').replace(/[aeiouwy]+/g, 'a');
}

/**
 * Finds the article's words closest to a word it does not contain: Latin by edit distance
 * (`alexandr` → `alexandra`) or by derivation (`religi` → `religion`), Hangul one jamo apart (`롸이트` → `뤄이트`, `마르코나` → `마르쿄나`, via es-hangul), and
 * names across scripts by romanization (`알렉산드라` ↔ `alexandra`). Short words are never matched, so
 * common words do not drift to another word.
 */
export class FuzzyVocabulary {
  private readonly latin: string[] = [];
  private readonly hangul: { key: string; parts: string[][]; skeleton?: string }[] = [];
  private readonly latinSkeletons: { key: string; skeleton: string }[] = [];
  /** Answers already given, by word (and whether it was written as a name); bounded by {@link FOUND_LIMIT}. */
  private readonly found = new Map<string, FuzzyMatch[]>();

  constructor(keys: Iterable<string>) {
    for (const key of new Set(keys)) {
      if (/^\p{N}/u.test(key)) continue;
      if (hasHangul(key)) {
        if (!/^\p{Script=Hangul}+$/u.test(key)) continue;
        // Romanized lazily: most questions never cross scripts, and romanizing every word slows start-up.
        this.hangul.push({ key, parts: syllableParts(key) });
      } else if (/^[a-z]+$/.test(key)) {
        this.latin.push(key);
        this.latinSkeletons.push({ key, skeleton: skeleton(key) });
      }
    }
  }

  /**
   * Words of the article that are probably this word misspelt or in the other script; best first.
   * `name` says the user wrote the word as a name (capitalised): only names cross scripts from Latin.
   */
  nearest(key: string, name = false): FuzzyMatch[] {
    // Questions repeat their words; the article's vocabulary does not change, so each answer holds.
    const cacheKey = `${name ? 'N' : 'w'}${key}`;
    const known = this.found.get(cacheKey);
    if (known) return known;
    const matches = this.search(key, name);
    if (this.found.size >= FOUND_LIMIT) this.found.clear();
    this.found.set(cacheKey, matches);
    return matches;
  }

  private search(key: string, name: boolean): FuzzyMatch[] {
    const found: { match: FuzzyMatch; cost: number }[] = [];
    if (/^\p{Script=Hangul}+$/u.test(key)) {
      const parts = syllableParts(key);
      for (const word of this.hangul) {
        if (word.key !== key && oneJamoApart(parts, word.parts)) found.push({ match: { key: word.key, via: 'spelling' }, cost: 1 / (parts.length * 3) });
      }
      // Only words of three or more syllables cross scripts: short Hangul words romanize too alike.
      const latin = skeleton(romanized(key));
      if (parts.length >= 3 && latin.length >= 5) {
        for (const word of this.latinSkeletons) {
          const d = distance(latin, word.skeleton);
          if (d <= Math.floor(latin.length / 4)) found.push({ match: { key: word.key, via: 'romanization' }, cost: d / latin.length + 0.01 });
        }
      }
    } else if (/^[a-z]+$/.test(key)) {
      const edits = allowedEdits(key.length);
      for (const word of this.latin) {
        if (word === key || Math.abs(word.length - key.length) > edits) continue;
        const d = distance(key, word);
        if (d <= edits) found.push({ match: { key: word, via: 'spelling' }, cost: d / key.length });
      }
      // The stemmer leaves derived forms apart (religious → religi, religion → religion); one stem beginning the other, a few letters longer, is one word family.
      if (key.length >= MIN_DERIVED_STEM) {
        for (const word of this.latin) {
          if (word === key || word.length < MIN_DERIVED_STEM || Math.abs(word.length - key.length) > MAX_DERIVED_EXTRA) continue;
          const [shorter, longer] = word.length < key.length ? [word, key] : [key, word];
          if (longer.startsWith(shorter) && !found.some((f) => f.match.key === word)) found.push({ match: { key: word, via: 'derivation' }, cost: 0.5 + (longer.length - shorter.length) / longer.length });
        }
      }
      const latin = skeleton(key);
      if (name && latin.length >= 5) {
        for (const word of this.hangul) {
          if (word.parts.length < 3) continue;
          word.skeleton ??= skeleton(romanized(word.key));
          const d = distance(latin, word.skeleton);
          if (d <= Math.floor(latin.length / 4)) found.push({ match: { key: word.key, via: 'romanization' }, cost: d / latin.length + 0.01 });
        }
      }
    }
    return found.sort((a, b) => a.cost - b.cost).slice(0, 3).map((f) => f.match);
  }
}
