/**
 * 👍 / 👎 feedback, appended one JSON object per line to a local file.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../answer/question.js';

/** One line of the feedback file. */
export interface FeedbackRecord {
  /** ISO time of the click. */
  at: string;
  vote: 'up' | 'down';
  /** Id of the `/ask` interaction that produced the answer. */
  answerId: string;
  question: string;
  language: Language;
  answered: boolean;
  /** Cited sentences as `document#id`, in marker order (related ones when unanswered). */
  citations: string[];
  /** sha256 of salt and user id: votes of one user can be grouped, the user cannot be named. */
  user: string;
}

/** What a click supplies; the log adds the time and hashes the user. */
export type FeedbackInput = Omit<FeedbackRecord, 'at' | 'user'> & { userId: string };

/** Appends feedback to a JSON Lines file; writes are serialised so lines never interleave. */
export class FeedbackLog {
  private queue: Promise<void> = Promise.resolve();
  private readonly salt: string;
  /** True when no salt was configured and a random one is used (hashes differ across restarts). */
  readonly ephemeralSalt: boolean;

  /**
   * @param file - the JSON Lines file (created with its folder on first write; never truncated)
   * @param salt - salt of the user hashes; a random one when omitted
   * @param now - clock (injectable for tests)
   */
  constructor(
    readonly file: string,
    salt?: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ephemeralSalt = salt === undefined;
    this.salt = salt ?? randomBytes(32).toString('hex');
  }

  /** The hash that stands for a user in the file. */
  hashUser(userId: string): string {
    return createHash('sha256').update(`${this.salt}\0${userId}`).digest('hex');
  }

  /** Appends one record; resolves when it is on disk, rejects when the write failed. */
  record(input: FeedbackInput): Promise<FeedbackRecord> {
    const { userId, ...rest } = input;
    const record: FeedbackRecord = { at: this.now().toISOString(), ...rest, user: this.hashUser(userId) };
    const line = `${JSON.stringify(record)}\n`;
    const write = this.queue.then(async () => {
      await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
      await appendFile(this.file, line, { encoding: 'utf8', flag: 'a' });
    });
    this.queue = write.catch(() => undefined);
    return write.then(() => record);
  }
}
