/**
 * What each person last asked in each channel (or thread), so that a follow-up ("중국은?",
 * "where?") can be read with it. In memory only, bounded, and forgotten after a while.
 *
 * @module
 */

/** Options of {@link ConversationMemory}. */
export interface ConversationMemoryOptions {
  /** How long a question is remembered after it was answered. Default 15 minutes. */
  ttlMs?: number;
  /** Most conversations kept; the least recently used is forgotten first. Default 5,000. */
  capacity?: number;
  /** Clock in ms (injectable for tests). */
  now?: () => number;
}

interface Entry {
  question: string;
  at: number;
}

/** Default time a question is remembered: 15 minutes. */
export const CONVERSATION_TTL_MS = 15 * 60_000;

/**
 * The last answered question per user and channel, as it was read. A least-recently-used map with
 * a cap and an expiry; it holds no timers, so it never keeps a process alive.
 */
export class ConversationMemory {
  private readonly entries = new Map<string, Entry>();
  readonly ttlMs: number;
  readonly capacity: number;
  private readonly now: () => number;

  constructor(options: ConversationMemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? CONVERSATION_TTL_MS;
    this.capacity = options.capacity ?? 5_000;
    this.now = options.now ?? Date.now;
    if (!(this.ttlMs > 0) || !Number.isInteger(this.capacity) || this.capacity < 1) throw new RangeError('ttlMs must be positive and capacity a positive integer');
  }

  /** Remembers the question `userId` was last answered in `channelId` (null: no channel known). */
  remember(userId: string, channelId: string | null, question: string): void {
    const key = keyOf(userId, channelId);
    this.entries.delete(key);
    this.entries.set(key, { question, at: this.now() });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The question `userId` was last answered in `channelId`, unless it is older than the expiry. */
  recall(userId: string, channelId: string | null): string | undefined {
    const key = keyOf(userId, channelId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.at >= this.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.question;
  }

  /** Conversations currently held (expired ones count until they are next looked up or pushed out). */
  get size(): number {
    return this.entries.size;
  }
}

const keyOf = (userId: string, channelId: string | null) => `${channelId ?? '-'}:${userId}`;
