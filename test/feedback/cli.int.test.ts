/** `npm run feedback` as a user runs it, over a file written by the bot's own FeedbackLog. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackLog } from '../../src/discord/feedback.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let file: string;

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, FEEDBACK_FILE: file, ...env };
  delete full.NO_COLOR;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'feedback', ...args], { cwd: ROOT, env: full }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'feedback-cli-'));
  file = path.join(dir, 'feedback.jsonl');
  const log = await FeedbackLog.open({ file });
  const answer = (answerId: string, question: string) => ({ answerId, question, language: 'en' as const, answered: true, citations: ['doc#S24'], citationTexts: ['삼성전자 이재용 회장이 참석했다.'] });
  for (let i = 0; i < 300; i++) await log.vote({ ...answer('111', 'Who came from <@1100000000000000777>?'), vote: i % 2 ? 'down' : 'up', userId: '1100000000000000001' });
  await log.vote({ ...answer('111', 'Who came?'), vote: 'down', userId: '1100000000000000002' });
  await log.vote({ ...answer('222', 'Where was it held?'), vote: 'up', userId: '1100000000000000001' });
  await log.declined({ answerId: '333', question: 'What is the weather on Mars?', language: 'en', related: ['doc#S3'] });
  await log.declined({ answerId: '334', question: 'what is the weather on mars?', language: 'en', related: [] });
  await log.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run feedback', () => {
  it('--json: one object with votes per answer (one per user), the worst-rated with citations, and declined questions', async () => {
    const run = await cli(['--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, any>;

    expect(out).toMatchObject({ file, exists: true, totals: { voteRecords: 302, votes: 3, up: 1, down: 2, answersRated: 2, declined: 2, distinctDeclined: 1, unreadableLines: 0 } });
    expect(out.worst[0]).toMatchObject({ answerId: '111', up: 0, down: 2, question: 'Who came?', citations: [{ key: 'doc#S24', text: '삼성전자 이재용 회장이 참석했다.' }] });
    expect(out.declined).toEqual([expect.objectContaining({ question: 'what is the weather on mars?', count: 2 })]);
    expect(run.stdout).not.toMatch(/11000000000000000\d\d/);
  });

  it('text: totals, tables and the quoted citation, without colour when not a terminal', async () => {
    const run = await cli(['--limit', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 answer(s) rated: 👍 1 · 👎 2 — 3 vote(s)');
    expect(run.stdout).toContain('Worst-rated answers\n  1. 👎 2 · 👍 0  Who came?');
    expect(run.stdout).toContain('[1] doc#S24 「삼성전자 이재용 회장이 참석했다.」');
    expect(run.stdout).toMatch(/ {2}2×  what is the weather on mars\?/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('a missing file means no feedback yet (exit 0); a bad --limit is a usage error (exit 2)', async () => {
    const missing = await cli([], { FEEDBACK_FILE: path.join(dir, 'none.jsonl') });
    expect(missing).toMatchObject({ code: 0 });
    expect(missing.stdout).toMatch(/^No feedback yet: .*none\.jsonl does not exist/);
    const bad = await cli(['--limit', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit takes a whole number');
  });
});
