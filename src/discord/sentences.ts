/**
 * Sentence look-up for the bot: by id, with neighbours, and suggestions for `/source` autocomplete.
 *
 * @module
 */
import type { ArticleDocument } from '../corpus/types.js';
import { cutLine, DiscordLimits } from './fit.js';
import { containsAtWordStart, WordPrefixIndex, wordsOf } from './word-prefix-index.js';
import { passageKey, type Passage } from '../search/passages.js';

/** A sentence with the one before and after it in the same document. */
export interface InContext {
  passage: Passage;
  before?: Passage;
  after?: Passage;
}

/** Outcome of resolving what a user typed as a sentence id. */
export type Resolved = { ok: true; passage: Passage } | { ok: false; reason: 'not-found' | 'ambiguous' };

/** An autocomplete choice: `value` is what `/source` receives back. */
export interface Suggestion {
  name: string;
  value: string;
}

/** What a user may type as a sentence id: `S14`, `s14`, `14`, or `document#S14`. */
export const SENTENCE_ID = /^(?:([a-z0-9][a-z0-9-]{0,80})#)?s?(\d{1,5})$/iu;

/**
 * Most sentences one suggestion checks word by word: a query whose rarest word is common but whose
 * whole text is rare stops there, with fewer choices rather than a late answer.
 */
const MAX_CHECKS = 1_000;
/** Characters of a sentence that can show in a choice name (names hold 100). */
const NAME_SOURCE = 200;
const WORD_END = /[\p{L}\p{M}\p{N}]$/u;

/** Sentence look-up over the engine's passages. */
export class SentenceIndex {
  private readonly byKey = new Map<string, Passage>();
  private readonly multiple: boolean;
  /** Positions in `passages` of the sentences numbered n, in article order. */
  private readonly byOrdinal = new Map<number, number[]>();
  private readonly maxOrdinal: number;
  /** The words of every sentence and its English rendering, for suggestions. */
  private readonly words: WordPrefixIndex;

  constructor(
    private readonly passages: readonly Passage[],
    readonly documents: readonly Pick<ArticleDocument, 'slug' | 'title' | 'publisher'>[],
  ) {
    const texts: string[] = [];
    let maxOrdinal = 0;
    passages.forEach((p, i) => {
      this.byKey.set(p.key, p);
      const same = this.byOrdinal.get(p.sentence.ordinal);
      if (same) same.push(i);
      else this.byOrdinal.set(p.sentence.ordinal, [i]);
      maxOrdinal = Math.max(maxOrdinal, p.sentence.ordinal);
      texts.push(p.translation ? `${p.sentence.text}\n${p.translation}` : p.sentence.text);
    });
    this.maxOrdinal = maxOrdinal;
    this.words = new WordPrefixIndex(texts);
    this.multiple = documents.length > 1;
  }

  /** The sentence `id` of `document`. */
  get(document: string, id: string): Passage | undefined {
    return this.byKey.get(passageKey(document, id));
  }

  /** The sentence with its neighbours in the same document. */
  inContext(passage: Passage): InContext {
    const { document, ordinal } = passage.sentence;
    return { passage, before: this.get(document, `S${ordinal - 1}`), after: this.get(document, `S${ordinal + 1}`) };
  }

  /** Title of a document, for footers and labels. */
  title(document: string): string {
    return this.documents.find((d) => d.slug === document)?.title ?? document;
  }

  /** Resolves what a user typed (already validated against {@link SENTENCE_ID}). */
  resolve(input: string): Resolved {
    const match = SENTENCE_ID.exec(input.trim());
    if (!match) return { ok: false, reason: 'not-found' };
    const [, document, digits] = match;
    const id = `S${Number(digits)}`;
    if (document) {
      const passage = this.get(document.toLowerCase(), id);
      return passage ? { ok: true, passage } : { ok: false, reason: 'not-found' };
    }
    const found = this.documents.map((d) => this.get(d.slug, id)).filter((p): p is Passage => p !== undefined);
    if (found.length === 0) return { ok: false, reason: 'not-found' };
    if (found.length > 1) return { ok: false, reason: 'ambiguous' };
    return { ok: true, passage: found[0]! };
  }

  /** How a sentence is named in choices and labels: `S14`, or `S14 · document` with several documents. */
  label(passage: Passage): string {
    return this.multiple ? `${passage.sentence.id} · ${passage.sentence.document}` : passage.sentence.id;
  }

  /**
   * Up to 25 choices for what the user has typed so far: the sentence with that number and those
   * whose number starts with it (`S2` → S2, S20…, by number, then by document), then sentences
   * whose text or English rendering has what was typed where a word starts (`삼성` finds
   * `가나다라가`, `supply ch` finds `supply-chain`), in article order.
   *
   * Indexed: the work per keystroke depends on the choices and on how many words start with what
   * was typed, not on the number of sentences.
   */
  suggest(typed: string, limit: number = DiscordLimits.choices): Suggestion[] {
    const query = typed.normalize('NFC').trim().toLowerCase();
    const chosen = new Set<number>();
    const take = (matches: Iterable<number>) => {
      for (const i of matches) {
        if (chosen.size >= limit) return;
        chosen.add(i);
      }
    };
    if (query === '') take(Array.from({ length: Math.min(limit, this.passages.length) }, (_, i) => i));
    const digits = /^s?(\d+)$/u.exec(query)?.[1];
    if (digits) take(this.idMatches(digits));
    if (query !== '') take(this.textMatches(query));
    return [...chosen].map((i) => {
      const passage = this.passages[i]!;
      return {
        name: cutLine(`${this.label(passage)} · ${passage.sentence.text.slice(0, NAME_SOURCE)}`, DiscordLimits.choiceName),
        value: this.multiple ? passage.key : passage.sentence.id,
      };
    });
  }

  /** Sentences numbered `digits`, then those whose number starts with them, by number. */
  private *idMatches(digits: string): Generator<number> {
    if (digits.startsWith('0')) return; // ids have no leading zeros
    const typed = Number(digits);
    yield* this.byOrdinal.get(typed) ?? [];
    for (let scale = 10; typed * scale <= this.maxOrdinal; scale *= 10) {
      const last = Math.min((typed + 1) * scale - 1, this.maxOrdinal);
      for (let n = typed * scale; n <= last; n++) yield* this.byOrdinal.get(n) ?? [];
    }
  }

  /**
   * Sentences that have `query` where a word starts, in article order. Candidates come from the
   * index entry of the query's rarest word (every word of the query starts a word of a matching
   * sentence; all but the last are whole words), then each is checked for the whole query.
   */
  private *textMatches(query: string): Generator<number> {
    const words = wordsOf(query);
    const terms = words.map((word, i) => ({ word, prefix: i === words.length - 1 && WORD_END.test(query) }));
    const costs = terms.map((t) => this.words.count(t.word, t.prefix));
    if (costs.some((c) => c === 0)) return;
    const rarest = terms[costs.indexOf(Math.min(...costs))];
    // No word at all (punctuation only): check the first sentences.
    const candidates = rarest ? this.words.matching(rarest.word, rarest.prefix) : this.passages.keys();
    let checks = 0;
    for (const i of candidates) {
      if (++checks > MAX_CHECKS) return;
      const { sentence, translation } = this.passages[i]!;
      if (containsAtWordStart(sentence.text.toLowerCase(), query) || (translation !== undefined && containsAtWordStart(translation.toLowerCase(), query))) yield i;
    }
  }
}
