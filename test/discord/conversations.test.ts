import { describe, expect, it } from 'vitest';
import { CONVERSATION_TTL_MS, ConversationMemory } from '../../src/discord/conversations.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ConversationMemory', () => {
  it('remembers the last answered question per user and channel', () => {
    const memory = new ConversationMemory();
    memory.remember('alice', 'general', 'Who signed the MOU?');
    memory.remember('alice', 'general', 'signed the MOU, where?');
    expect(memory.recall('alice', 'general')).toBe('signed the MOU, where?');
    expect(memory.recall('bob', 'general')).toBeUndefined();
    expect(memory.recall('alice', 'thread-1')).toBeUndefined();
    memory.remember('alice', null, 'in a place without a channel id');
    expect(memory.recall('alice', null)).toBe('in a place without a channel id');
    expect(memory.recall('alice', 'general')).toBe('signed the MOU, where?');
  });

  it('forgets a question 15 minutes after it was answered, and looking it up does not extend that', () => {
    const time = clock();
    const memory = new ConversationMemory({ now: time.now });
    memory.remember('alice', 'general', 'q1');
    time.advance(CONVERSATION_TTL_MS - 1);
    expect(memory.recall('alice', 'general')).toBe('q1');
    time.advance(1);
    expect(memory.recall('alice', 'general')).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it('a newer answered question starts the 15 minutes again', () => {
    const time = clock();
    const memory = new ConversationMemory({ now: time.now });
    memory.remember('alice', 'general', 'q1');
    time.advance(10 * 60_000);
    memory.remember('alice', 'general', 'q2');
    time.advance(10 * 60_000);
    expect(memory.recall('alice', 'general')).toBe('q2');
  });

  it('keeps at most `capacity` conversations, forgetting the least recently used', () => {
    const memory = new ConversationMemory({ capacity: 3 });
    for (const user of ['a', 'b', 'c']) memory.remember(user, 'ch', `q-${user}`);
    expect(memory.recall('a', 'ch')).toBe('q-a'); // a is now the most recently used
    memory.remember('d', 'ch', 'q-d');
    expect(memory.size).toBe(3);
    expect(memory.recall('b', 'ch')).toBeUndefined();
    expect(['a', 'c', 'd'].map((u) => memory.recall(u, 'ch'))).toEqual(['q-a', 'q-c', 'q-d']);
  });

  it('stays bounded under many users', () => {
    const memory = new ConversationMemory({ capacity: 100 });
    for (let i = 0; i < 10_000; i++) memory.remember(String(i), 'ch', 'q');
    expect(memory.size).toBe(100);
  });

  it('refuses a capacity or expiry that makes no sense', () => {
    expect(() => new ConversationMemory({ capacity: 0 })).toThrow(RangeError);
    expect(() => new ConversationMemory({ ttlMs: 0 })).toThrow(RangeError);
  });
});
