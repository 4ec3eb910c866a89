/**
 * Feedback faults found by hand (issue 9, 7.7), reproduced against the real bot and the emulator:
 * one user voting 300 times, raw user ids inside the stored question, and an unwritable
 * `FEEDBACK_FILE` that was found only at the first vote and lost every vote.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QaEngine } from '../../src/answer/engine.js';
import type { InteractionHandle } from '../fakes/discord-emulator.js';
import { askOptions, buildTestEngine, startHarness, type Harness } from './harness.js';

let engine: QaEngine;
let engineDir: string;

beforeAll(async () => {
  ({ engine, dir: engineDir } = await buildTestEngine());
});
afterAll(() => rmSync(engineDir, { recursive: true, force: true }));

const lines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

async function askAndWait(h: Harness, question: string): Promise<InteractionHandle> {
  const handle = h.emu.sendChatInput({ name: 'ask', options: askOptions(question), userId: h.newUser() });
  await handle.waitFor((r) => r.method === 'PATCH' && r.status === 200);
  return handle;
}

function click(h: Harness, answer: InteractionHandle, vote: 'up' | 'down', userId: string) {
  return h.emu.sendButton({ customId: `ask:${vote}:${answer.id}`, messageId: answer.original!.id, userId }).waitForFinal();
}

describe('feedback through the bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine, env: { ASK_COOLDOWN_PER_MINUTE: '50' } });
  });
  afterAll(async () => h?.close());

  it('one user clicking 👍 300 times on one answer leaves one vote; a later 👎 replaces it', async () => {
    const answer = await askAndWait(h, 'Who attended the roundtable from Korea?');
    const user = h.newUser();
    for (let i = 0; i < 300; i++) await click(h, answer, 'up', user);
    const mine = () => lines(h.feedbackFile).filter((l) => l.answerId === answer.id);

    expect(mine()).toHaveLength(1);
    await click(h, answer, 'down', user);
    expect(mine().map((l) => l.vote)).toEqual(['up', 'down']);
  });

  it('never stores a raw user, role or channel id, not even inside the question text', async () => {
    const answer = await askAndWait(h, 'Did <@1100000000000000777> or <@!1100000000000000778> meet <@&1100000000000000779> in <#1100000000000000780>?');
    const user = h.newUser();
    await click(h, answer, 'down', user);
    const text = readFileSync(h.feedbackFile, 'utf8');

    for (const id of ['1100000000000000777', '1100000000000000778', '1100000000000000779', '1100000000000000780', user]) expect(text).not.toContain(id);
    const record = lines(h.feedbackFile).find((l) => l.answerId === answer.id);
    expect(record?.question).toBe('Did @user or @user meet @role in #channel?');
  });
});

describe('an unwritable feedback file', () => {
  let h: Harness;
  let dir: string;
  let blocker: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'feedback-blocked-'));
    // A file where the folder should be: unwritable for root too (chmod would not stop root).
    blocker = path.join(dir, 'data');
    writeFileSync(blocker, 'not a folder');
    file = path.join(blocker, 'feedback.jsonl');
    h = await startHarness({ engine, env: { FEEDBACK_FILE: file, ASK_COOLDOWN_PER_MINUTE: '50' } });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is reported at start-up in one log line naming the path and the problem', () => {
    const reports = h.logs.entries.filter((e) => typeof e.msg === 'string' && e.msg.includes(file));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.msg).toMatch(/not a folder|ENOTDIR/);
    const connected = h.logs.entries.findIndex((e) => e.msg === 'connected to Discord');
    expect(h.logs.entries.indexOf(reports[0]!)).toBeLessThan(connected);
  });

  it('keeps votes in memory (thanking the voter) and writes them all once the file can be written', async () => {
    const answer = await askAndWait(h, 'Who attended the roundtable from Korea?');
    const voters = [h.newUser(), h.newUser()];
    const first = await click(h, answer, 'up', voters[0]!);
    expect(JSON.stringify(first.body)).toContain('Thanks');
    expect(h.logs.entries.some((e) => e.msg === 'feedback kept in memory until the file can be written')).toBe(true);

    rmSync(blocker);
    mkdirSync(blocker);
    await click(h, answer, 'down', voters[1]!);
    await vi.waitFor(() => expect(lines(file).map((l) => l.vote)).toEqual(['up', 'down']));
    expect(h.logs.entries.some((e) => typeof e.msg === 'string' && /writable again/.test(e.msg))).toBe(true);
  });
});
