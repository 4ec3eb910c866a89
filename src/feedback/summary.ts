/**
 * What the team asks and how it rates the answers: a summary of the feedback file's lines. Pure.
 *
 * @module
 */
import { parseRecord, type RecordLanguage } from './records.js';

/** One cited sentence of a rated answer. */
export interface SummaryCitation {
  /** `document#id`. */
  key: string;
  /** The sentence as quoted when the answer was given (absent in records of older versions). */
  text?: string;
}

/** The votes on one answer: the latest vote of each user counts. */
export interface AnswerVotes {
  answerId: string;
  question: string;
  language: RecordLanguage;
  answered: boolean;
  citations: SummaryCitation[];
  up: number;
  down: number;
  /** ISO time of the latest vote. */
  lastVoteAt: string;
}

/** A question the bot declined, grouped with its repeats (same words, case and spacing aside). */
export interface DeclinedQuestion {
  /** As last asked. */
  question: string;
  language: RecordLanguage;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** See {@link summarise}. */
export interface FeedbackSummary {
  totals: {
    /** Lines that are not records this version reads (torn or hand-edited). */
    unreadableLines: number;
    /** Vote records in the file: first votes and changed votes. */
    voteRecords: number;
    /** Votes counted: one per user per answer, the latest. */
    votes: number;
    up: number;
    down: number;
    answersRated: number;
    declined: number;
    distinctDeclined: number;
  };
  /** Every rated answer, most votes first. */
  answers: AnswerVotes[];
  /** Answers with at least one 👎, worst first (lowest 👍 − 👎, then most 👎), at most `limit`. */
  worst: AnswerVotes[];
  /** Declined questions, most asked first (then latest first). */
  declined: DeclinedQuestion[];
}

/** Options of {@link summarise}. */
export interface SummaryOptions {
  /** Length of the worst-rated list. Default 10. */
  worst?: number;
}

interface AnswerState {
  latest: Omit<AnswerVotes, 'up' | 'down'>;
  voters: Map<string, 'up' | 'down'>;
}

/** Spelling-insensitive key of a question: NFC, case folded, whitespace collapsed. */
function questionKey(question: string): string {
  return question.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Summarises the lines of a feedback file, in file order (which is click order: the bot writes
 * records in the order it receives them). A user's later vote on an answer replaces the earlier one.
 */
export function summarise(lines: Iterable<string>, options: SummaryOptions = {}): FeedbackSummary {
  const answers = new Map<string, AnswerState>();
  const declined = new Map<string, DeclinedQuestion>();
  let unreadableLines = 0;
  let voteRecords = 0;
  let declinedRecords = 0;

  for (const line of lines) {
    if (line.trim() === '') continue;
    const record = parseRecord(line);
    if (!record) {
      unreadableLines++;
      continue;
    }
    if (record.type === 'vote') {
      voteRecords++;
      const voters = answers.get(record.answerId)?.voters ?? new Map<string, 'up' | 'down'>();
      voters.set(record.user, record.vote);
      const citations = record.citations.map((key, i) => (record.citationTexts?.[i] ? { key, text: record.citationTexts[i] } : { key }));
      const { answerId, question, language, answered, at: lastVoteAt } = record;
      answers.set(answerId, { latest: { answerId, question, language, answered, citations, lastVoteAt }, voters });
    } else {
      declinedRecords++;
      const key = questionKey(record.question);
      const seen = declined.get(key);
      if (seen) {
        seen.count++;
        seen.question = record.question;
        seen.language = record.language;
        if (record.at < seen.firstAt) seen.firstAt = record.at;
        if (record.at > seen.lastAt) seen.lastAt = record.at;
      } else {
        declined.set(key, { question: record.question, language: record.language, count: 1, firstAt: record.at, lastAt: record.at });
      }
    }
  }

  const rated: AnswerVotes[] = [...answers.values()].map(({ latest, voters }) => {
    let up = 0;
    for (const vote of voters.values()) if (vote === 'up') up++;
    return { ...latest, up, down: voters.size - up };
  });
  const byVotes = [...rated].sort((a, b) => b.up + b.down - (a.up + a.down) || b.down - a.down || b.lastVoteAt.localeCompare(a.lastVoteAt));
  const worst = rated
    .filter((a) => a.down > 0)
    .sort((a, b) => a.up - a.down - (b.up - b.down) || b.down - a.down || b.lastVoteAt.localeCompare(a.lastVoteAt))
    .slice(0, options.worst ?? 10);
  const up = rated.reduce((n, a) => n + a.up, 0);
  const down = rated.reduce((n, a) => n + a.down, 0);

  return {
    totals: { unreadableLines, voteRecords, votes: up + down, up, down, answersRated: rated.length, declined: declinedRecords, distinctDeclined: declined.size },
    answers: byVotes,
    worst,
    declined: [...declined.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt)),
  };
}
