/**
 * 👍 / 👎 feedback and declined questions, appended one JSON object per line to a local file
 * (record shapes and privacy rules in `src/feedback/records.ts`).
 *
 * One vote per user per answer: a repeated click is not written again, a changed one is (the
 * summary counts the latest vote per user per answer). When the file cannot be written, records
 * are kept in memory and written, in order, at the next record or the periodic retry.
 *
 * @module
 */
import { mkdir, open, appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { redactMentions, type DeclinedRecord, type FeedbackRecord, type VoteRecord } from '../feedback/records.js';
import { UserKey } from '../feedback/user-key.js';

/** What a click supplies; the log adds the time, redacts the question and hashes the user. */
export type VoteInput = Omit<VoteRecord, 'type' | 'at' | 'user'> & {
  /** Discord user id: kept in memory only, hashed before anything is written. */
  userId: string;
};

/** What a declined question supplies. */
export type DeclinedInput = Omit<DeclinedRecord, 'type' | 'at'>;

/** What became of a click: first vote, a changed vote, or the same vote again (not written). */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

/** Options of {@link FeedbackLog.open}. */
export interface FeedbackLogOptions {
  /** The JSON Lines file (created with its folder; never truncated). */
  file: string;
  /** Key of the user hashes (`FEEDBACK_SALT`); when absent, kept in `<file>.key`. */
  key?: string;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Clock (injectable for tests). */
  now?: () => Date;
  /** While records are held, writing is retried this often. Default 30 s. */
  retryMs?: number;
  /** Records held at most; past it the oldest is dropped (and logged). Default 10,000. */
  maxHeld?: number;
  /** (answer, user) pairs whose last vote is remembered to ignore repeats. Default 50,000. */
  maxRemembered?: number;
}

/** A record waiting to be written: votes still carry the raw user id, in memory only. */
type Held = DeclinedRecord | (Omit<VoteRecord, 'user'> & { userId: string });

const silent = { info() {}, warn() {}, error() {} };

/** Appends feedback to a JSON Lines file; writes are serialised so lines never interleave. */
export class FeedbackLog {
  private readonly held: Held[] = [];
  private readonly lastVotes = new Map<string, 'up' | 'down'>();
  private queue: Promise<boolean> = Promise.resolve(true);
  /** Why the last write failed; null while the file is writable. */
  private problem: string | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly log: Pick<Logger, 'info' | 'warn' | 'error'>;
  private readonly now: () => Date;
  private readonly retryMs: number;
  private readonly maxHeld: number;
  private readonly maxRemembered: number;

  private constructor(
    readonly file: string,
    private readonly key: UserKey,
    options: FeedbackLogOptions,
  ) {
    this.log = options.log ?? silent;
    this.now = options.now ?? (() => new Date());
    this.retryMs = options.retryMs ?? 30_000;
    this.maxHeld = options.maxHeld ?? 10_000;
    this.maxRemembered = options.maxRemembered ?? 50_000;
  }

  /**
   * Finds the hash key and checks that the file can be written. A file that cannot is reported
   * here, in one log line naming the path and the problem, not at the first vote. Never throws.
   */
  static async open(options: FeedbackLogOptions): Promise<FeedbackLog> {
    const key = await UserKey.load(options.file, options.key);
    const feedback = new FeedbackLog(options.file, key, options);
    if (key.problem) feedback.log.warn({ file: options.file }, `feedback user hashes use a key of this run only (${key.problem}); set FEEDBACK_SALT to keep them stable`);
    if (key.source === 'new-file') feedback.log.info({ file: options.file }, 'created the key of the feedback user hashes beside the feedback file (keep it with the file)');
    const problem = await feedback.probe();
    if (problem) {
      feedback.problem = problem;
      feedback.log.error({ file: options.file, problem }, `feedback file ${options.file} cannot be written (${problem}); votes will be kept in memory until it can be`);
    }
    return feedback;
  }

  /** The hash that stands for a user in the file (with the current key). */
  hashUser(userId: string): string {
    return this.key.hash(userId);
  }

  /** Records held in memory because the file could not be written. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Whether the last attempt to write the file failed. */
  get writable(): boolean {
    return this.problem === null;
  }

  /**
   * Records a vote unless it repeats this user's last vote on this answer. Resolves once the
   * record is written or held in memory; never rejects.
   */
  async vote(input: VoteInput): Promise<VoteOutcome> {
    const { userId, citationTexts, ...rest } = input;
    const pair = `${input.answerId}\0${userId}`;
    const previous = this.lastVotes.get(pair);
    this.lastVotes.delete(pair);
    this.lastVotes.set(pair, input.vote);
    if (this.lastVotes.size > this.maxRemembered) this.lastVotes.delete(this.lastVotes.keys().next().value!);
    if (previous === input.vote) return 'unchanged';
    await this.add({ type: 'vote', at: this.now().toISOString(), ...rest, question: redactMentions(rest.question), ...(citationTexts ? { citationTexts } : {}), userId });
    return previous === undefined ? 'recorded' : 'changed';
  }

  /** Records a question the bot declined (no user is recorded). Never rejects. */
  async declined(input: DeclinedInput): Promise<void> {
    await this.add({ type: 'declined', at: this.now().toISOString(), ...input, question: redactMentions(input.question) });
  }

  /** Tries once more to write what is held; resolves true when nothing is left in memory. */
  flush(): Promise<boolean> {
    this.queue = this.queue.then(() => this.writeHeld());
    return this.queue;
  }

  /** Stops the retry timer and makes a last attempt; what still cannot be written is logged as lost. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return this.queue.then(() => undefined);
    this.closed = true;
    this.stopRetry();
    const written = await this.flush();
    if (!written) this.log.error({ file: this.file, lost: this.held.length }, `${this.held.length} feedback record(s) could not be written to ${this.file} and are lost`);
  }

  private async add(record: Held): Promise<void> {
    this.held.push(record);
    if (this.held.length > this.maxHeld) {
      this.held.shift();
      this.log.error({ file: this.file, maxHeld: this.maxHeld }, 'too much feedback held in memory: the oldest record was dropped');
    }
    if (!(await this.flush())) this.log.warn({ file: this.file, held: this.held.length }, 'feedback kept in memory until the file can be written');
  }

  private async writeHeld(): Promise<boolean> {
    if (this.held.length === 0) return true;
    const batch = this.held.slice();
    // A new hash key goes to disk before any hash made with it; if it cannot, records are still
    // written (hashes of this run then differ from those of the next one, which is logged).
    if (this.key.pending) await this.key.persist().catch(() => undefined);
    try {
      await mkdir(path.dirname(path.resolve(this.file)), { recursive: true }).catch(() => undefined);
      await appendFile(this.file, batch.map((r) => `${JSON.stringify(this.finish(r))}\n`).join(''), { encoding: 'utf8', flag: 'a' });
    } catch (error) {
      const problem = describeFileProblem(error);
      if (this.problem === null) this.log.error({ file: this.file, problem }, `feedback file ${this.file} cannot be written (${problem}); keeping feedback in memory and retrying`);
      this.problem = problem;
      this.startRetry();
      return false;
    }
    this.held.splice(0, batch.length);
    if (this.problem !== null) {
      this.log.info({ file: this.file, written: batch.length }, `feedback file ${this.file} is writable again: ${batch.length} record(s) kept in memory were written`);
      this.problem = null;
    }
    this.stopRetry();
    return this.held.length === 0;
  }

  /** The line as written: the user id replaced by its hash. */
  private finish(record: Held): FeedbackRecord {
    if (record.type !== 'vote') return record;
    const { userId, ...rest } = record;
    return { ...rest, user: this.key.hash(userId) };
  }

  private async probe(): Promise<string | null> {
    try {
      await mkdir(path.dirname(path.resolve(this.file)), { recursive: true }).catch(() => undefined);
      const handle = await open(this.file, 'a');
      await handle.close();
      return null;
    } catch (error) {
      return describeFileProblem(error);
    }
  }

  private startRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setInterval(() => void this.flush(), this.retryMs);
    this.retryTimer.unref();
  }

  private stopRetry(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
  }
}

const PROBLEMS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** A file-system error in words, with its code (`permission denied (EACCES)`). */
export function describeFileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && PROBLEMS[code]) return `${PROBLEMS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
