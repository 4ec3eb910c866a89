/**
 * `npm run check` as a user runs it: readable output, one JSON object with --json, JSON Lines from
 * stdin, exit codes as for `ask`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ANSI = /\u001b\[/;
const STACK = /^\s+at .+[(:]\d+/m;

let indexDir: string;

function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: indexDir };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.LOG_LEVEL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

interface CheckJson {
  text: string;
  omitted: number;
  ms: number;
  claims: Array<{ claim: string; language: string; verdict: string; citations: Array<{ id: string; text: string; marks: Array<{ start: number; end: number; text: string }>; translation?: string }>; related: Array<{ id: string }>; differences: Array<{ kind: string; claim: string; article: string[] }> }>;
}

beforeAll(() => {
  indexDir = mkdtempSync(path.join(tmpdir(), 'qa-check-cli-'));
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe('check', () => {
  it('--json prints one object: each statement with its verdict, quotes with marks, and what differs', async () => {
    const run = await cli(['check', '--json', '삼성이 미국에 20조 투자한대 미국 기업은 10곳 왔대']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as CheckJson;
    expect(Object.keys(result).sort()).toEqual(['claims', 'ms', 'omitted', 'text']);
    expect(result.claims.map((c) => c.verdict)).toEqual(['not-in-article', 'contradicted']);
    const [invest, count] = result.claims;
    expect(invest!.citations).toEqual([]);
    expect(invest!.related.length).toBeGreaterThan(0);
    expect(count!.citations[0]).toMatchObject({ id: 'S25', marks: [{ text: '8개' }] });
    const mark = count!.citations[0]!.marks[0]!;
    expect(count!.citations[0]!.text.slice(mark.start, mark.end)).toBe('8개');
    expect(count!.differences).toEqual([{ kind: 'number', claim: '10곳', article: ['8개'] }]);
  });

  it('answers an English statement in English, with the English rendering', async () => {
    const result = JSON.parse((await cli(['check', '--json', 'The MOU was signed at the Hyatt hotel in Seoul'])).stdout) as CheckJson;
    expect(result.claims[0]).toMatchObject({ language: 'en', verdict: 'supported', citations: [{ id: 'S10', translation: expect.stringContaining('Hyatt') }] });
  });

  it('is readable without a terminal: verdicts, the differing part between ⟦ ⟧, no colour codes', async () => {
    const run = await cli(['check', '미국 기업은 10곳 왔대']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('❌ 기사는 다르게 말함 — 미국 기업은 10곳 왔대');
    expect(run.stdout).toContain('⟦8개⟧');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('checks one text per stdin line as JSON Lines, in order; an empty line gets an error and exit 2', async () => {
    const run = await cli(['check', '--json', '-'], 'Google attended the roundtable\n\n라운드테이블에는 기업 20곳이 참가했다\\n이재용 부회장은 참석하지 않았다\n');
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as CheckJson & { error?: { code: string } });
    expect(lines).toHaveLength(3);
    expect(lines[0]!.claims[0]!.verdict).toBe('supported');
    expect(lines[1]!.error!.code).toBe('empty');
    expect(lines[2]!.claims.map((c) => c.verdict)).toEqual(['contradicted', 'contradicted']);
    expect(run.code).toBe(2);
  });

  it('refuses empty input plainly, never with a stack trace', async () => {
    const run = await cli(['check', '   ']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nothing to check/);
    expect(run.stderr).not.toMatch(STACK);
    const usage = await cli(['check']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/npm run check/);
  });
});
