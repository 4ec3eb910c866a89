import type { GlossaryEntry } from '../corpus/glossary.js';
import { foldCase } from './tokenize.js';

/** A glossary entry found in a question, and where. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  /** The form that matched, case-folded. */
  form: string;
  start: number;
  end: number;
}

/** A two-word Latin name in the other order (`Kim Min-jun` → `Min-jun Kim`): names travel in both. */
function swappedName(form: string): string[] {
  const words = form.split(' ');
  return words.length === 2 && words.every((w) => /^\p{Lu}/u.test(w)) ? [`${words[1]} ${words[0]}`] : [];
}

/** A form as matched: hyphens as spaces (`dong bin`), and a hyphenated form also joined (`dongbin`), since names are written all three ways. */
export function hyphenVariants(form: string): string[] {
  return form.includes('-') ? [form.replace(/-/g, ' '), form.replace(/-/g, '')] : [form];
}

const LATIN_WORD_CHAR = 1;
const HANGUL_CHAR = 2;

/** Per position of the text: a letter or digit of a non-Hangul word, or a Hangul syllable (checked once per question, not per candidate). */
function charClasses(text: string): Uint8Array {
  const classes = new Uint8Array(text.length);
  for (const m of text.matchAll(HANGUL_OR_WORD_CHAR)) classes.fill(m[1] ? HANGUL_CHAR : LATIN_WORD_CHAR, m.index, m.index + m[0].length);
  return classes;
}

const HANGUL_OR_WORD_CHAR = /(\p{Script=Hangul})|[\p{L}\p{N}]/gu;

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i] === 1) return true;
  return false;
}

/**
 * Finds glossary forms in a question, longest first and without overlaps. English forms must sit on
 * word boundaries (`GE` is not inside `agenda`); Korean forms may carry particles after them.
 */
export class GlossaryMatcher {
  private readonly forms: { form: string; entry: GlossaryEntry; latin: boolean }[];

  /** @param entries - the glossary, kept as {@link GlossaryMatcher.entries} */
  constructor(readonly entries: readonly GlossaryEntry[]) {
    this.forms = entries
      .flatMap((entry) => [...entry.ko, ...entry.en, ...entry.en.flatMap(swappedName)].flatMap((f) => hyphenVariants(foldCase(f)).map((form) => ({ form, entry, latin: !/\p{Script=Hangul}/u.test(f) }))))
      .sort((a, b) => b.form.length - a.form.length);
  }

  match(question: string): GlossaryMatch[] {
    // A hyphen becomes a space, keeping every offset: `Dong-bin`, `Dong bin` and a form written either way meet.
    const text = foldCase(question).replace(/-/g, ' ');
    const taken = new Uint8Array(text.length);
    const classes = charClasses(text);
    const matches: GlossaryMatch[] = [];
    // A set, not `matches.some(…)`: a closure over the loop's `entry` would allocate a context on every one of the hundreds of forms.
    const matchedEntries = new Set<GlossaryEntry>();
    for (const { form, entry, latin } of this.forms) {
      let from = 0;
      for (let at = text.indexOf(form, from); at !== -1; at = text.indexOf(form, from)) {
        from = at + 1;
        const end = at + form.length;
        if (latin && (classes[at - 1] === LATIN_WORD_CHAR || classes[end] === LATIN_WORD_CHAR)) continue;
        // A short Korean form, or one of several words (`이 장관`), starts a word: not `굳이 장관급`, not `부회장` for `회장`.
        if (!latin && classes[at - 1] === HANGUL_CHAR && (form.length < 3 || form.includes(' '))) continue;
        if (isTaken(taken, at, end) || matchedEntries.has(entry)) continue;
        taken.fill(1, at, end);
        matches.push({ entry, form, start: at, end });
        matchedEntries.add(entry);
      }
    }
    return matches.sort((a, b) => a.start - b.start);
  }
}
