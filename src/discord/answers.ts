/**
 * Recent answers, remembered so their buttons (Sources, 👍 / 👎) know what they refer to.
 *
 * @module
 */
import { detectLanguage } from '../answer/question.js';
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

/** The parts of a Discord message the fallback reads: its embeds' titles and field names. */
export interface AnswerMessage {
  embeds: ReadonlyArray<{ title?: string | null; fields: ReadonlyArray<{ name: string }> }>;
}

/** `[2] S25`, `[2] S25 · other-doc`, `Related · S19`, `관련 문장 · S19 · other-doc`. */
const FIELD_NAME = /^(?:\[(\d+)\] )?(?:.*? · )?(S\d+)(?: · (\S+))?$/u;

/** Removes the backslashes that Markdown escaping put in front of punctuation. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|>#[\]()-])/g, '$1');
}

/**
 * Rebuilds what a button needs from the answer message itself, for buttons older than the store
 * (after a restart): the question is the embed title, the sentences are named in the field names.
 * Returns undefined when the message does not look like an answer.
 */
export function answerFromMessage(message: AnswerMessage, defaultDocument: string): RememberedAnswer | undefined {
  const embed = message.embeds[0];
  if (!embed?.title) return undefined;
  const sentences: RememberedAnswer['sentences'] = [];
  let numbered = false;
  for (const field of embed.fields) {
    const match = FIELD_NAME.exec(field.name);
    if (!match) continue;
    numbered ||= match[1] !== undefined;
    sentences.push({ n: Number(match[1] ?? sentences.length + 1), id: match[2]!, document: match[3] ?? defaultDocument });
  }
  if (sentences.length === 0) return undefined;
  const question = unescapeMarkdown(embed.title);
  return { question, language: detectLanguage(question), answered: numbered, sentences };
}
