import type { Language } from './question.js';

/** One quoted source sentence. `text` is verbatim from the article. */
export interface Citation {
  /** Marker number used in the answer text (`[n]`). */
  n: number;
  /** Sentence id within its document, e.g. `S25`. */
  id: string;
  document: string;
  /** The sentence exactly as in the article. */
  text: string;
  /** English rendering, given for English questions. */
  translation?: string;
  /** Retrieval score in [0, 1] (higher is more relevant); not a distance. */
  score: number;
}

/** The answer to one question, as the CLI prints it in JSON and the bot renders it. */
export interface AnswerResult {
  question: string;
  language: Language;
  /**
   * Present only when the question did not stand on its own and was read together with the
   * previous question of the conversation: the question as it was read ("…참석한 중국 기업은?").
   */
  readAs?: string;
  /** False when the article does not support an answer; then `citations` is empty. */
  answered: boolean;
  answer: string;
  citations: Citation[];
  /** Closest sentences when not answered (never presented as support). */
  related: Citation[];
  /** Time spent answering, in milliseconds. */
  ms: number;
}
