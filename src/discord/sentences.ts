/**
 * Sentence look-up for the bot: by id, with neighbours, and suggestions for `/source` autocomplete.
 *
 * @module
 */
import type { ArticleDocument } from '../corpus/types.js';
import type { Passage } from '../search/passages.js';
import { cutLine, DiscordLimits } from './fit.js';

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

/** Sentence look-up over the engine's passages. */
export class SentenceIndex {
  private readonly byKey = new Map<string, Passage>();
  private readonly multiple: boolean;

  constructor(
    private readonly passages: readonly Passage[],
    readonly documents: readonly Pick<ArticleDocument, 'slug' | 'title' | 'publisher'>[],
  ) {
    for (const p of passages) this.byKey.set(`${p.sentence.document}#${p.sentence.id}`, p);
    this.multiple = documents.length > 1;
  }

  /** The sentence `id` of `document`. */
  get(document: string, id: string): Passage | undefined {
    return this.byKey.get(`${document}#${id}`);
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
   * Up to 25 choices for what the user has typed so far: ids starting with it first (`S2` → S2,
   * S20…), then sentences whose text or English rendering contains it, in article order.
   */
  suggest(typed: string, limit: number = DiscordLimits.choices): Suggestion[] {
    const query = typed.normalize('NFC').trim().toLowerCase();
    const idQuery = /^s?\d+$/u.test(query) ? `s${query.replace(/^s/u, '')}` : null;
    const scored: Array<{ passage: Passage; rank: number }> = [];
    for (const passage of this.passages) {
      const id = passage.sentence.id.toLowerCase();
      let rank = -1;
      if (query === '') rank = 2;
      else if (idQuery && id === idQuery) rank = 0;
      else if (idQuery && id.startsWith(idQuery)) rank = 1;
      else if (passage.sentence.text.toLowerCase().includes(query) || passage.translation?.toLowerCase().includes(query)) rank = 2;
      if (rank >= 0) scored.push({ passage, rank });
    }
    return scored
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map(({ passage }) => ({
        name: cutLine(`${this.label(passage)} · ${passage.sentence.text}`, DiscordLimits.choiceName),
        value: this.multiple ? `${passage.sentence.document}#${passage.sentence.id}` : passage.sentence.id,
      }));
  }
}
