/**
 * What the feedback file holds: one JSON object per line, either a 👍 / 👎 vote on an answer or a
 * question the bot declined. Pure: building, redacting and reading records, no I/O.
 *
 * Privacy rules, the same for both kinds: a user id is never written (votes carry a keyed hash,
 * declined questions carry no user at all), and Discord mentions inside the question text are
 * replaced by neutral placeholders.
 *
 * @module
 */

/** Language of a question, as the engine detected it. */
export type RecordLanguage = 'ko' | 'en';

/** A 👍 / 👎 click on an answer. The summary counts the latest vote per user per answer. */
export interface VoteRecord {
  type: 'vote';
  /** ISO time of the click. */
  at: string;
  vote: 'up' | 'down';
  /** Id of the `/ask` interaction that produced the answer. */
  answerId: string;
  /** The question, mentions replaced (see {@link redactMentions}). */
  question: string;
  language: RecordLanguage;
  answered: boolean;
  /** Cited sentences as `document#id`, in marker order (related ones when unanswered). */
  citations: string[];
  /**
   * The quoted sentences, aligned with `citations`, as they were when the answer was given: the
   * summary needs neither the article nor its current ids. Absent in records of older versions.
   */
  citationTexts?: string[];
  /** Keyed hash (HMAC-SHA256) of the user id: one user's votes can be grouped, the user cannot be named. */
  user: string;
}

/** A question the bot did not find supported by the article. No user is recorded. */
export interface DeclinedRecord {
  type: 'declined';
  at: string;
  /** Id of the `/ask` interaction. */
  answerId: string;
  /** The question, mentions replaced. */
  question: string;
  language: RecordLanguage;
  /** The closest sentences offered as related, as `document#id`. */
  related: string[];
}

/** One line of the feedback file. */
export type FeedbackRecord = VoteRecord | DeclinedRecord;

const MENTIONS: Array<[RegExp, string]> = [
  [/<@!?\d+>/g, '@user'],
  [/<@&\d+>/g, '@role'],
  [/<#\d+>/g, '#channel'],
];

/**
 * Replaces Discord mentions by placeholders: `<@123>` and `<@!123>` → `@user`, `<@&123>` → `@role`,
 * `<#123>` → `#channel`. Everything else is kept as typed.
 */
export function redactMentions(text: string): string {
  return MENTIONS.reduce((out, [pattern, placeholder]) => out.replace(pattern, placeholder), text);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isLanguage = (v: unknown): v is RecordLanguage => v === 'ko' || v === 'en';

/**
 * Reads one line of the feedback file; `null` when it is not a record this version understands
 * (a torn last line, a hand edit). Lines written before records had a `type` are votes.
 */
export function parseRecord(line: string): FeedbackRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!isString(r.at) || !isString(r.answerId) || !isString(r.question) || !isLanguage(r.language)) return null;
  const type = r.type ?? (r.vote !== undefined ? 'vote' : undefined);
  if (type === 'vote') {
    if ((r.vote !== 'up' && r.vote !== 'down') || typeof r.answered !== 'boolean' || !isStringArray(r.citations) || !isString(r.user)) return null;
    return {
      type,
      at: r.at,
      vote: r.vote,
      answerId: r.answerId,
      question: r.question,
      language: r.language,
      answered: r.answered,
      citations: r.citations,
      ...(isStringArray(r.citationTexts) ? { citationTexts: r.citationTexts } : {}),
      user: r.user,
    };
  }
  if (type === 'declined') {
    if (!isStringArray(r.related)) return null;
    return { type, at: r.at, answerId: r.answerId, question: r.question, language: r.language, related: r.related };
  }
  return null;
}
