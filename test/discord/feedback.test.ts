import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackLog, type VoteInput } from '../../src/discord/feedback.js';
import { LogCapture } from './harness.js';
import { createLogger } from '../../src/log.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'feedback-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'key-key-key-key-key';
const vote = (v: 'up' | 'down', userId = '123456789012345678', answerId = '999'): VoteInput => ({
  vote: v,
  answerId,
  question: 'Who attended?',
  language: 'en',
  answered: true,
  citations: ['doc#S24'],
  citationTexts: ['A sentence.'],
  userId,
});
const read = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('FeedbackLog', () => {
  it('appends one JSON line per vote, creating the folder, never truncating what is there', async () => {
    const file = path.join(dir, 'nested', 'feedback.jsonl');
    const log = await FeedbackLog.open({ file, key: KEY, now: () => new Date('2024-05-21T00:00:00Z') });
    expect(await log.vote(vote('up'))).toBe('recorded');
    expect(await log.vote(vote('down', '223456789012345678'))).toBe('recorded');
    const lines = readFileSync(file, 'utf8').split('\n');

    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      type: 'vote',
      at: '2024-05-21T00:00:00.000Z',
      vote: 'up',
      answerId: '999',
      question: 'Who attended?',
      language: 'en',
      answered: true,
      citations: ['doc#S24'],
      citationTexts: ['A sentence.'],
      user: createHmac('sha256', KEY).update('123456789012345678').digest('hex'),
    });
    expect(JSON.parse(lines[1]!).vote).toBe('down');

    const again = await FeedbackLog.open({ file, key: KEY });
    await again.vote(vote('up', '323456789012345678'));
    expect(read(file)).toHaveLength(3);
  });

  it('counts one vote per user per answer: a repeat is not written, a change is', async () => {
    const file = path.join(dir, 'f.jsonl');
    const log = await FeedbackLog.open({ file, key: KEY });
    const outcomes = [];
    for (let i = 0; i < 300; i++) outcomes.push(await log.vote(vote('up')));
    outcomes.push(await log.vote(vote('down')));
    outcomes.push(await log.vote(vote('up', '123456789012345678', '1000')));

    expect(outcomes[0]).toBe('recorded');
    expect(new Set(outcomes.slice(1, 300))).toEqual(new Set(['unchanged']));
    expect(outcomes.slice(300)).toEqual(['changed', 'recorded']);
    expect(read(file).map((l) => `${l.answerId}:${l.vote}`)).toEqual(['999:up', '999:down', '1000:up']);
  });

  it('never writes a user id; the hash is a keyed HMAC, the same for one key, different across keys', async () => {
    const file = path.join(dir, 'f.jsonl');
    const a = await FeedbackLog.open({ file, key: 'key-one-key-one-key' });
    const b = await FeedbackLog.open({ file, key: 'key-two-key-two-key' });
    await a.vote(vote('up', '555555555555555555'));

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('555555555555555555');
    expect(read(file)[0]!.user).toBe(a.hashUser('555555555555555555'));
    expect(b.hashUser('555555555555555555')).not.toBe(a.hashUser('555555555555555555'));
  });

  it('without a key setting keeps a random key in a private file beside the feedback file, reused after a restart', async () => {
    const file = path.join(dir, 'data', 'f.jsonl');
    const first = await FeedbackLog.open({ file });
    const keyFile = `${file}.key`;

    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const second = await FeedbackLog.open({ file });
    expect(second.hashUser('1')).toBe(first.hashUser('1'));
    expect(second.hashUser('1')).toBe(createHmac('sha256', readFileSync(keyFile, 'utf8').trim()).update('1').digest('hex'));
  });

  it('replaces user, role and channel mentions in the stored question, for votes and declined questions', async () => {
    const file = path.join(dir, 'f.jsonl');
    const log = await FeedbackLog.open({ file, key: KEY });
    const question = 'Did <@1100000000000000777> and <@!1100000000000000778> see <@&1100000000000000779> in <#1100000000000000780>?';
    await log.vote({ ...vote('up'), question });
    await log.declined({ answerId: '1000', question, language: 'en', related: ['doc#S3'] });

    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/11000000000000007\d\d/);
    expect(read(file).map((l) => [l.type, l.question])).toEqual([
      ['vote', 'Did @user and @user see @role in #channel?'],
      ['declined', 'Did @user and @user see @role in #channel?'],
    ]);
    expect(read(file)[1]).not.toHaveProperty('user');
  });

  it('keeps concurrent writes on separate, whole lines', async () => {
    const file = path.join(dir, 'f.jsonl');
    const log = await FeedbackLog.open({ file, key: KEY });
    await Promise.all(Array.from({ length: 100 }, (_, i) => log.vote(vote(i % 2 ? 'up' : 'down', String(100_000_000_000_000_000 + i)))));
    const lines = readFileSync(file, 'utf8').trim().split('\n');

    expect(lines).toHaveLength(100);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('reports an unwritable file when opened, holds records in memory, and writes them in order once it can', async () => {
    const blocker = path.join(dir, 'data');
    writeFileSync(blocker, 'x');
    const file = path.join(blocker, 'f.jsonl');
    const logs = new LogCapture();
    const log = await FeedbackLog.open({ file, key: KEY, log: createLogger('info', logs) });

    expect(logs.entries).toHaveLength(1);
    expect(logs.entries[0]).toMatchObject({ level: 50, file, problem: 'a part of the path is a file, not a folder (ENOTDIR)' });
    expect(logs.entries[0]!.msg).toContain(file);
    expect(log.writable).toBe(false);

    expect(await log.vote(vote('up', '1'))).toBe('recorded');
    await log.declined({ answerId: '7', question: 'What?', language: 'en', related: [] });
    expect(log.heldCount).toBe(2);
    expect(await log.flush()).toBe(false);

    rmSync(blocker);
    mkdirSync(blocker);
    expect(await log.flush()).toBe(true);
    expect(read(file).map((l) => l.type)).toEqual(['vote', 'declined']);
    expect(log.heldCount).toBe(0);
    expect(logs.entries.at(-1)!.msg).toMatch(/writable again: 2 record/);
  });

  it('retries on its own while records are held', async () => {
    const blocker = path.join(dir, 'data');
    writeFileSync(blocker, 'x');
    const file = path.join(blocker, 'f.jsonl');
    const log = await FeedbackLog.open({ file, key: KEY, retryMs: 20 });
    await log.vote(vote('down'));
    rmSync(blocker);
    mkdirSync(blocker);

    await expect.poll(() => existsSync(file) && read(file).length, { timeout: 2_000 }).toBe(1);
    await log.close();
  });

  it('on close logs how many records could not be written', async () => {
    const blocker = path.join(dir, 'data');
    writeFileSync(blocker, 'x');
    const logs = new LogCapture();
    const log = await FeedbackLog.open({ file: path.join(blocker, 'f.jsonl'), key: KEY, log: createLogger('info', logs) });
    await log.vote(vote('down'));
    await log.close();
    await log.close();

    expect(logs.entries.filter((e) => /could not be written .* lost/.test(String(e.msg)))).toHaveLength(1);
    expect(logs.entries.at(-1)).toMatchObject({ lost: 1 });
  });
});
