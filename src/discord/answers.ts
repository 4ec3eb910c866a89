/**
 * Recent answers, remembered so their buttons (Sources, 👍 / 👎) know what they refer to.
 *
 * @module
 */
import type { AnswerResult } from '../answer/types.js';

/** What a button needs to know about the answer it sits under. */
export interface RememberedAnswer {
  question: string;
  language: AnswerResult['language'];
  answered: boolean;
  /** Cited sentences (or related ones when unanswered), in marker order. */
  sentences: Array<{ n: number; document: string; id: string }>;
}

/** A bounded, least-recently-used map from `/ask` interaction id to its answer. */
export class AnswerStore {
  private readonly entries = new Map<string, RememberedAnswer>();

  /** @param capacity - answers kept; the least recently used is forgotten first */
  constructor(readonly capacity = 2000) {}

  /** Remembers the answer given to interaction `id`. */
  remember(id: string, result: AnswerResult): void {
    const cited = result.answered ? result.citations : result.related;
    this.entries.delete(id);
    this.entries.set(id, {
      question: result.question,
      language: result.language,
      answered: result.answered,
      sentences: cited.map((c) => ({ n: c.n, document: c.document, id: c.id })),
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The answer given to interaction `id`, if still remembered. */
  get(id: string): RememberedAnswer | undefined {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Answers currently remembered. */
  get size(): number {
    return this.entries.size;
  }
}
