/**
 * The key of the user hashes in the feedback file.
 *
 * A user id becomes HMAC-SHA256(key, id). Discord ids are public, so an unkeyed or known-salt
 * hash could be reversed by hashing the ids of a server's members; with a secret key the file
 * alone names nobody. The key must also stay the same across restarts, or "one vote per user per
 * answer" would break at every restart. So the key is, in order:
 * 1. `FEEDBACK_SALT` when set (kept with the other secrets, e.g. in the service's environment file);
 * 2. else a random key in `<feedback file>.key` beside the feedback file (mode 600), created on
 *    first start: no setup, and backing up the two files together keeps the hashes comparable.
 * When that file can neither be read nor created, a random key lives in memory and creating the
 * file is retried before each write.
 *
 * @module
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Hashes a user id with the key: 64 hex digits. */
export function hashUserId(key: string, userId: string): string {
  return createHmac('sha256', key).update(userId).digest('hex');
}

/** Where the key of a feedback file is kept when `FEEDBACK_SALT` is not set. */
export function keyFileFor(feedbackFile: string): string {
  return `${feedbackFile}.key`;
}

/** Shortest key read from a key file; shorter content is not a key this code wrote. */
const MIN_KEY_LENGTH = 32;

/** Where the key came from. */
export type KeySource = 'setting' | 'file' | 'new-file' | 'memory';

/** The key in use, and whether it still has to be written to its file. */
export class UserKey {
  private constructor(
    private key: string,
    private sourceNow: KeySource,
    private readonly file: string | null,
    /** Why the key file could not be used (memory keys only). */
    readonly problem?: string,
  ) {}

  /**
   * Finds the key: the setting, else the key file beside the feedback file, else a new one
   * (written to the key file when possible). Never throws.
   */
  static async load(feedbackFile: string, setting?: string): Promise<UserKey> {
    if (setting !== undefined) return new UserKey(setting, 'setting', null);
    const file = keyFileFor(feedbackFile);
    try {
      const key = (await readFile(file, 'utf8')).trim();
      if (key.length >= MIN_KEY_LENGTH) return new UserKey(key, 'file', file);
      // Never overwrite a file someone put there: use a key of this run only.
      return new UserKey(randomKey(), 'memory', null, `${file} holds no key (fewer than ${MIN_KEY_LENGTH} characters)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return new UserKey(randomKey(), 'memory', null, `cannot read ${file}: ${(error as Error).message}`);
    }
    const created = new UserKey(randomKey(), 'memory', file);
    await created.persist().catch(() => undefined);
    return created;
  }

  /** Where the key came from now (`memory` until a new key file is written). */
  get source(): KeySource {
    return this.sourceNow;
  }

  /** True while a new key still has to be written to its file. */
  get pending(): boolean {
    return this.sourceNow === 'memory' && this.file !== null;
  }

  /** Hashes a user id with the current key. */
  hash(userId: string): string {
    return hashUserId(this.key, userId);
  }

  /**
   * Writes a new key to its file (never replacing an existing file: if one appeared meanwhile,
   * its key is adopted). No-op when nothing is pending. Rejects when the file cannot be written.
   */
  async persist(): Promise<void> {
    if (!this.pending || this.file === null) return;
    await mkdir(path.dirname(path.resolve(this.file)), { recursive: true }).catch(() => undefined);
    try {
      await writeFile(this.file, `${this.key}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = (await readFile(this.file, 'utf8')).trim();
      if (existing.length < MIN_KEY_LENGTH) throw new Error(`${this.file} holds no key`);
      this.key = existing;
    }
    this.sourceNow = 'new-file';
  }
}

function randomKey(): string {
  return randomBytes(32).toString('hex');
}
