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

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c) && !/\p{Script=Hangul}/u.test(c);

/**
 * Finds glossary forms in a question, longest first and without overlaps. English forms must sit on
 * word boundaries (`GE` is not inside `agenda`); Korean forms may carry particles after them.
 */
export class GlossaryMatcher {
  private readonly forms: { form: string; entry: GlossaryEntry; latin: boolean }[];

  /** @param entries - the glossary, kept as {@link GlossaryMatcher.entries} */
  constructor(readonly entries: readonly GlossaryEntry[]) {
    this.forms = entries
      .flatMap((entry) => [...entry.ko, ...entry.en, ...entry.en.flatMap(swappedName)].map((f) => ({ form: foldCase(f), entry, latin: !/\p{Script=Hangul}/u.test(f) })))
      .sort((a, b) => b.form.length - a.form.length);
  }

  match(question: string): GlossaryMatch[] {
    const text = foldCase(question);
    const taken = new Uint8Array(text.length);
    const matches: GlossaryMatch[] = [];
    for (const { form, entry, latin } of this.forms) {
      let from = 0;
      for (let at = text.indexOf(form, from); at !== -1; at = text.indexOf(form, from)) {
        from = at + 1;
        const end = at + form.length;
        if (latin && (isWordChar(text[at - 1]) || isWordChar(text[end]))) continue;
        // A short Korean form, or one of several words (`이 장관`), starts a word: not `굳이 장관급`, not `부회장` for `회장`.
        if (!latin && /\p{Script=Hangul}/u.test(text[at - 1] ?? '') && (form.length < 3 || form.includes(' '))) continue;
        if (taken.subarray(at, end).some((t) => t === 1)) continue;
        if (matches.some((m) => m.entry === entry)) continue;
        taken.fill(1, at, end);
        matches.push({ entry, form, start: at, end });
      }
    }
    return matches.sort((a, b) => a.start - b.start);
  }
}
