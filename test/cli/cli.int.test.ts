import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ANSI = /\u001b\[/;
const STACK = /^\s+at .+[(:]\d+/m;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let indexDir: string;

/** Runs the CLI as a user would, without a terminal; shares one index folder across tests. */
function cli(args: string[], options: { input?: string; env?: Record<string, string>; node?: string[] } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: indexDir, ...options.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  if (!options.env?.LOG_LEVEL) delete env.LOG_LEVEL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [...(options.node ?? []), '--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    // A child that dies early (the point of some tests) closes its stdin: not an error here.
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(options.input ?? '');
  });
}

const CONTRACT = ['answer', 'answered', 'citations', 'language', 'ms', 'question', 'related'];

beforeAll(() => {
  indexDir = mkdtempSync(path.join(tmpdir(), 'qa-cli-'));
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe('ask --json', () => {
  // First in the file: it also builds the index, with logging on, and stdout must stay pure JSON.
  it('prints exactly one JSON object with the contract fields, even while building the index with logs on', async () => {
    const run = await cli(['ask', '--json', 'LG에서 누가 왔어?'], { env: { LOG_LEVEL: 'info' } });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown> & { citations: { id: string; text: string }[] };
    expect(Object.keys(result).sort()).toEqual(CONTRACT);
    expect(result).toMatchObject({ question: 'LG에서 누가 왔어?', language: 'ko', answered: true });
    expect(result.answer).toContain('구광모');
    expect(result.citations[0]).toMatchObject({ n: 1, id: 'S24', document: 'korea-us-supply-chain-dialogue' });
    expect(run.stdout.endsWith('}\n')).toBe(true);
  });

  it('answers questions from stdin as JSON Lines in the same order; an empty line gets an error object', async () => {
    const run = await cli(['ask', '--json', '-'], { input: 'Which American companies took part?\n\n한국 기업 몇 곳 참석?\n' });
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    const [first, second, third] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ question: 'Which American companies took part?', language: 'en', answered: true });
    expect(Object.keys(first!).sort()).toEqual(CONTRACT);
    expect(second).toMatchObject({ question: '', error: { code: 'empty' } });
    expect(typeof (second!.error as { message: string }).message).toBe('string');
    expect(third).toMatchObject({ question: '한국 기업 몇 곳 참석?', language: 'ko', answered: true });
    expect(run.code).not.toBe(1);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('--conversation reads each line as a follow-up of the last answered line, with readAs (null when read alone)', async () => {
    const input = ['라운드테이블에 참석한 한국 기업은?', '미국은?', '😀', 'What is the weather on Mars?', '몇 곳이야?', 'Who signed the supply chain MOU?', 'where?', 'IPEF가 뭐야?'].join('\n');
    const run = await cli(['ask', '--json', '--conversation', '-'], { input: `${input}\n` });
    const lines = run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown> & { citations?: { id: string }[] });
    expect(lines).toHaveLength(8);
    const [korea, us, emoji, mars, count, signed, where, ipef] = lines;
    expect(Object.keys(korea!).sort()).toEqual([...CONTRACT, 'readAs'].sort());
    expect(korea).toMatchObject({ readAs: null, answered: true });
    expect(us).toMatchObject({ question: '미국은?', readAs: '라운드테이블에 참석한 미국 기업은?', answered: true });
    expect(us!.citations!.map((c) => c.id)).toEqual(['S25']);
    expect(emoji).toMatchObject({ error: { code: 'no-words' } });
    // A refused line and a declined answer leave the conversation where it was.
    expect(mars).toMatchObject({ answered: false, readAs: null });
    expect(count).toMatchObject({ readAs: '라운드테이블에 참석한 미국 기업은, 몇 곳이야?', answered: true });
    expect(signed).toMatchObject({ readAs: null });
    expect(where).toMatchObject({ readAs: 'signed the supply chain MOU, where?' });
    expect(where!.citations![0]!.id).toBe('S10');
    expect(ipef).toMatchObject({ readAs: null, answered: true });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('without --conversation, batch lines stay independent and carry no readAs', async () => {
    const run = await cli(['ask', '--json', '-'], { input: '라운드테이블에 참석한 한국 기업은?\n미국은?\n' });
    const [, us] = run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(us).not.toHaveProperty('readAs');
    expect(Object.keys(us!).sort()).toEqual(CONTRACT);
  });

  it('refuses --conversation with a question on the command line (usage, exit 2)', async () => {
    const run = await cli(['ask', '--json', '--conversation', '미국은?']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--conversation reads the questions from stdin');
    expect(run.stdout).toBe('');
  });
});

describe('ask (readable)', () => {
  it('prints the answer with numbered citations and no colour codes when not on a terminal', async () => {
    const run = await cli(['ask', '라운드테이블에 참석한 한국 기업은?']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).toContain('[1]');
    expect(run.stdout).toContain('S24');
    expect(run.stdout).toContain('구광모');
  });
});

// Independent spawns: run side by side to keep the file fast.
describe.concurrent('bad input', () => {
  it.each([
    ['whitespace only', '   '],
    ['10,000 characters', '가'.repeat(10_000)],
    ['emoji only', '😀🙏🔥'],
  ])('%s: exits 2 with a friendly message and no stack trace', async (_label, question) => {
    const run = await cli(['ask', question]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/\p{Script=Hangul}/u);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).not.toMatch(/Error:/);
  });

  it('refuses a bad --country with exit 2 and no stack trace', async () => {
    const run = await cli(['participants', '--country', 'JP']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/KR|US/);
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe.concurrent('participants', () => {
  interface Row {
    kind: string;
    country: string;
    name: string;
    nameEn: string;
    person?: string;
    title?: string;
    event: string;
    citation: { id: string; text: string };
  }

  it('--json lists the 21 participants with the contract fields', async () => {
    const run = await cli(['participants', '--json']);
    expect(run.code).toBe(0);
    const { participants } = JSON.parse(run.stdout) as { participants: Row[] };
    expect(participants).toHaveLength(21);
    const allowed = ['kind', 'country', 'name', 'nameEn', 'person', 'personEn', 'title', 'titleEn', 'event', 'citation'];
    for (const p of participants) {
      expect(Object.keys(p).every((k) => allowed.includes(k)), JSON.stringify(Object.keys(p))).toBe(true);
      expect(['company', 'official']).toContain(p.kind);
      expect(['KR', 'US']).toContain(p.country);
      expect(typeof p.name).toBe('string');
      expect(typeof p.nameEn).toBe('string');
      expect(typeof p.event).toBe('string');
      expect(p.citation.id).toMatch(/^S\d+$/);
      expect(p.citation.text).toContain(p.name === '미국' ? p.person! : p.name);
    }
  });

  it('--country US --kind company keeps only American companies', async () => {
    const run = await cli(['participants', '--json', '--country', 'US', '--kind', 'company']);
    expect(run.code).toBe(0);
    const { participants } = JSON.parse(run.stdout) as { participants: Row[] };
    expect(participants.map((p) => p.nameEn).sort()).toEqual(
      ['Applied Materials', 'Bloom Energy', 'Corning', 'GE Korea', 'GM Korea', 'Google', 'Lam Research', 'Qualcomm', 'Thermo Fisher Scientific'].sort(),
    );
    expect(participants.every((p) => p.country === 'US' && p.kind === 'company')).toBe(true);
  });
});

describe('index', () => {
  it('rebuilds and prints the documents, sentences and time taken', async () => {
    const run = await cli(['index']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\b1 document/);
    expect(run.stdout).toMatch(/\b30 sentences/);
    expect(run.stdout).toMatch(/\d+(\.\d+)? ?ms\b/);
    expect(run.stdout).toContain('korea-us-supply-chain-dialogue');
  });

  it('with --sentences also prints every sentence with its id and kind, one line each, to check a new scrape', async () => {
    const run = await cli(['index', '--sentences']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => /^ {2}S\d+ /.test(l));
    expect(lines).toHaveLength(30);
    expect(lines[0]).toMatch(/^ {2}S1 +headline +\S/);
    expect(lines.at(-1)).toMatch(/^ {2}S30 +paragraph +\S/);
  });
});

describe.concurrent('INDEX_DIR that cannot hold the index', () => {
  const notAFolder = () => {
    const file = path.join(indexDir, 'not-a-folder');
    writeFileSync(file, '');
    return file;
  };

  it('ask still answers, from memory, with one clear warning', async () => {
    const file = notAFolder();
    const run = await cli(['ask', '--json', 'LG에서 누가 왔어?'], { env: { INDEX_DIR: file } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ answered: true });
    const warnings = run.stderr.split('\n').filter((l) => l !== '');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${file} is a file, not a folder`);
    expect(run.stderr).not.toMatch(/EEXIST/);
  });

  it('index fails with exit 1 and says why, since saving is its whole job', async () => {
    const run = await cli(['index'], { env: { INDEX_DIR: notAFolder() } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/could not be saved: .* is a file, not a folder/);
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe('batch mode with awkward input', () => {
  const jsonLines = (run: Run) => run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

  it('splits lines only at \\n and \\r\\n: a bare \\r stays inside its question', async () => {
    const run = await cli(['ask', '--json', '-'], { input: 'LG에서 누가 왔어?\r삼성은?\r\nWho signed the MOU?\r\n' });
    const lines = jsonLines(run);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ question: 'LG에서 누가 왔어? 삼성은?', answered: true });
    expect(lines[1]).toMatchObject({ question: 'Who signed the MOU?', answered: true });
  });

  // Two 50 MB lines took 2.5 GB and 18 s, and each error echoed its 50 MB line. A 96 MB heap
  // (the CLI needs under 48 MB) fails at once if a line is ever held whole.
  it('refuses over-long lines before reading them into memory, echoing at most 200 characters', async () => {
    const line = (ch: string) => ch.repeat(50_000_000);
    const run = await cli(['ask', '--json', '-'], { input: `${line('a')}\n${line('가')}\nLG에서 누가 왔어?\n`, node: ['--max-old-space-size=96'] });
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.stderr).not.toMatch(STACK);
    const lines = jsonLines(run);
    expect(lines).toHaveLength(3);
    for (const [i, ch] of [[0, 'a'], [1, '가']] as const) {
      const refused = lines[i] as { question: string; error: { code: string; message: string } };
      expect(refused.error.code).toBe('too-long');
      expect(refused.error.message).toMatch(/500/);
      expect([...refused.question].length).toBeLessThanOrEqual(200);
      expect(refused.question.startsWith(ch.repeat(100))).toBe(true);
    }
    expect(lines[2]).toMatchObject({ question: 'LG에서 누가 왔어?', answered: true });
    expect(run.code).toBe(2);
  });

  it('echoes at most 200 characters of a refused question of 501 to 2,000 bytes too', async () => {
    const run = await cli(['ask', '--json', '-'], { input: `${'나'.repeat(600)}\n` });
    const [refused] = jsonLines(run) as { question: string; error: { code: string } }[];
    expect(refused!.error.code).toBe('too-long');
    expect([...refused!.question].length).toBeLessThanOrEqual(200);
  });

  it('ends quietly with exit 0 when the reader stops reading (| head -1)', async () => {
    const input = Array.from({ length: 300 }, (_, i) => (i % 2 ? 'LG에서 누가 왔어?' : 'Who signed the MOU?')).join('\n');
    const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: indexDir };
    delete env.LOG_LEVEL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ask', '--json', '-'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input);
    // Like `head -1`: read the first line, then close the pipe.
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ answered: true });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('refuses questions without a letter (keycap emoji, bare numbers) with a friendly message', async () => {
    const run = await cli(['ask', '--json', '-'], { input: '1️⃣\n-1\n2022\n3.14 %\n' });
    const lines = jsonLines(run) as { question: string; error?: { code: string; message: string } }[];
    expect(lines.map((l) => l.error?.code)).toEqual(['no-words', 'no-words', 'no-words', 'no-words']);
    expect(lines[0]!.error!.message).toMatch(/\p{Script=Hangul}/u);
    expect(lines[0]!.error!.message).toMatch(/letter|word/i);
  });
});

describe.concurrent('questions that start with "-"', () => {
  it('are read as the question after --, as USAGE says', async () => {
    const run = await cli(['ask', '--json', '--', '-LG에서 누가 왔어?']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ question: '-LG에서 누가 왔어?', answered: true });
  });

  it('without --, are refused with exit 2 and the usage, which shows the -- form', async () => {
    const run = await cli(['ask', '-LG에서 누가 왔어?']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--/);
    expect(run.stderr).toMatch(/npm run ask -- .*-- "-/);
    expect(run.stderr).not.toMatch(STACK);
  });
});
