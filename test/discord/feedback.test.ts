import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackLog } from '../../src/discord/feedback.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'feedback-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const vote = (v: 'up' | 'down', userId = '123456789012345678') => ({
  vote: v,
  answerId: '999',
  question: 'Who attended?',
  language: 'en' as const,
  answered: true,
  citations: ['doc#S24'],
  userId,
});

describe('FeedbackLog', () => {
  it('appends one JSON line per vote, creating the folder, never truncating what is there', async () => {
    const file = path.join(dir, 'nested', 'feedback.jsonl');
    const log = new FeedbackLog(file, 'salt-salt-salt-salt', () => new Date('2024-05-21T00:00:00Z'));
    await log.record(vote('up'));
    await log.record(vote('down'));
    const lines = readFileSync(file, 'utf8').split('\n');

    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      at: '2024-05-21T00:00:00.000Z',
      vote: 'up',
      answerId: '999',
      question: 'Who attended?',
      language: 'en',
      answered: true,
      citations: ['doc#S24'],
      user: createHash('sha256').update('salt-salt-salt-salt\x00123456789012345678').digest('hex'),
    });
    expect(JSON.parse(lines[1]!).vote).toBe('down');

    const again = new FeedbackLog(file, 'salt-salt-salt-salt');
    await again.record(vote('up'));
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('never writes the user id, and the same user hashes the same with one salt but not across salts', async () => {
    const a = new FeedbackLog(path.join(dir, 'f.jsonl'), 'salt-one-salt-one');
    const b = new FeedbackLog(path.join(dir, 'f.jsonl'), 'salt-two-salt-two');
    const record = await a.record(vote('up', '555555555555555555'));

    expect(JSON.stringify(record)).not.toContain('555555555555555555');
    expect(a.hashUser('555555555555555555')).toBe(record.user);
    expect(b.hashUser('555555555555555555')).not.toBe(record.user);
    expect(new FeedbackLog('x').ephemeralSalt).toBe(true);
  });

  it('keeps concurrent writes on separate, whole lines', async () => {
    const file = path.join(dir, 'f.jsonl');
    const log = new FeedbackLog(file, 'salt-salt-salt-salt');
    await Promise.all(Array.from({ length: 100 }, (_, i) => log.record(vote(i % 2 ? 'up' : 'down', String(100_000_000_000_000_000 + i)))));
    const lines = readFileSync(file, 'utf8').trim().split('\n');

    expect(lines).toHaveLength(100);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('rejects when the file cannot be written, and keeps working for the next write', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const broken = new FeedbackLog(path.join(blocker, 'f.jsonl'), 'salt-salt-salt-salt');
    await expect(broken.record(vote('up'))).rejects.toThrow();
    await expect(broken.record(vote('up'))).rejects.toThrow();
  });
});
