/** Settings from the environment and a `.env` file (src/config.ts, src/env-file.ts). */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig, loadCoreConfig, SETTING_NAMES, Settings } from '../src/config.js';
import { parseEnvFile } from '../src/env-file.js';
import { TEST_TOKEN } from './discord/harness.js';

const CLIENT_ID = '123456789012345678';

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnvFile', () => {
  it('reads KEY=value lines with comments, export, quotes and escapes; a repeated key keeps its last value', () => {
    const { entries, problems: found } = parseEnvFile(
      ['# comment', '', 'A=plain value  ', 'export B = spaced', 'C="two\\nlines # not a comment"', "D='single \\n literal'", 'E=value # comment', 'F=', 'A=again', 'G="quoted" # trailing'].join('\r\n'),
    );
    expect(found).toEqual([]);
    expect(Object.fromEntries([...entries].map(([k, v]) => [k, v.value]))).toEqual({
      A: 'again',
      B: 'spaced',
      C: 'two\nlines # not a comment',
      D: 'single \\n literal',
      E: 'value',
      F: '',
      G: 'quoted',
    });
    expect(entries.get('A')!.line).toBe(9);
    expect(entries.get('B')!.line).toBe(4);
  });

  it('reports malformed lines by number without their text', () => {
    const { entries, problems: found } = parseEnvFile('GOOD=1\nsecret-without-equals\nQ="unterminated secret\nR="x" junk-secret\n1BAD=x\n');
    expect([...entries.keys()]).toEqual(['GOOD']);
    expect(found.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(JSON.stringify(found)).not.toContain('secret');
  });
});

describe('settings from the environment and .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => writeFileSync(path.join(dir, '.env'), text);

  it('reads .env in the working directory when present', () => {
    write(`DISCORD_TOKEN=${TEST_TOKEN}\nDISCORD_CLIENT_ID=${CLIENT_ID}\nINDEX_DIR=/var/lib/bot/index\n`);
    const config = loadBotConfig(Settings.read({ env: {}, cwd: dir }));
    expect(config).toMatchObject({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, INDEX_DIR: '/var/lib/bot/index' });
  });

  it('lets a value already in the environment win; an empty one in the environment counts as unset', () => {
    write(`DISCORD_TOKEN=${TEST_TOKEN}\nDISCORD_CLIENT_ID=${CLIENT_ID}\nINDEX_DIR=from-file\nSEEDS_DIR=from-file\n`);
    const config = loadCoreConfig(Settings.read({ env: { INDEX_DIR: 'from-env', SEEDS_DIR: '' }, cwd: dir }));
    expect(config.INDEX_DIR).toBe('from-env');
    expect(config.SEEDS_DIR).toBe('from-file');
  });

  it('works without a .env file', () => {
    expect(loadCoreConfig(Settings.read({ env: { INDEX_DIR: 'x' }, cwd: dir })).INDEX_DIR).toBe('x');
  });

  it('names the setting and where a malformed value was read from, never the value', () => {
    write(`# settings\nDISCORD_TOKEN=zz-secret-from-file-zz\nDISCORD_CLIENT_ID=${CLIENT_ID}\n`);
    const found = problems(() => loadBotConfig(Settings.read({ env: { ASK_COOLDOWN_PER_MINUTE: 'zz-env-value-zz' }, cwd: dir })));
    expect(found).toEqual([
      `DISCORD_TOKEN (from ${path.join(dir, '.env')}, line 2) does not look like a bot token`,
      expect.stringMatching(/^ASK_COOLDOWN_PER_MINUTE \(from the environment\) /),
    ]);
    expect(found.join('\n')).not.toMatch(/zz-/);
  });

  it('says why a required setting is missing: not in the environment, not in .env, or empty in one of them', () => {
    const noFile = problems(() => loadBotConfig(Settings.read({ env: {}, cwd: dir })));
    expect(noFile[0]).toBe(`DISCORD_TOKEN is required (the bot token from the Discord developer portal); it is not set in the environment and there is no ${path.join(dir, '.env')}`);

    write('DISCORD_TOKEN=\n# no client id\n');
    const withFile = problems(() => loadBotConfig(Settings.read({ env: {}, cwd: dir })));
    expect(withFile).toEqual([
      `DISCORD_TOKEN is required (the bot token from the Discord developer portal); it is empty in ${path.join(dir, '.env')}, line 1`,
      `DISCORD_CLIENT_ID is required (the application id); it is set neither in the environment nor in ${path.join(dir, '.env')}`,
    ]);

    const emptyEnv = problems(() => loadBotConfig(Settings.read({ env: { DISCORD_CLIENT_ID: '' }, cwd: dir })));
    expect(emptyEnv[1]).toBe('DISCORD_CLIENT_ID is required (the application id); it is empty in the environment');
  });

  it('reports malformed .env lines and an unreadable .env as problems, with the path and line', () => {
    write(`DISCORD_TOKEN=${TEST_TOKEN}\nDISCORD_CLIENT_ID=${CLIENT_ID}\nthis line holds a secret\n`);
    expect(problems(() => loadCoreConfig(Settings.read({ env: {}, cwd: dir })))).toEqual([`${path.join(dir, '.env')} line 3 is not of the form KEY=value`]);

    rmSync(path.join(dir, '.env'));
    mkdirSync(path.join(dir, '.env'));
    expect(problems(() => loadCoreConfig(Settings.read({ env: {}, cwd: dir })))).toEqual([`${path.join(dir, '.env')} cannot be read (EISDIR)`]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a .env it may not read', () => {
    write('INDEX_DIR=x\n');
    chmodSync(path.join(dir, '.env'), 0o000);
    expect(problems(() => loadCoreConfig(Settings.read({ env: {}, cwd: dir })))).toEqual([`${path.join(dir, '.env')} cannot be read (EACCES)`]);
  });
});

describe('.env.example', () => {
  const text = readFileSync(path.resolve(import.meta.dirname, '../.env.example'), 'utf8');

  it('parses cleanly and sets only the two required settings (left empty); the optional ones are commented out', () => {
    const { entries, problems: found } = parseEnvFile(text);
    expect(found).toEqual([]);
    expect(Object.fromEntries([...entries].map(([k, v]) => [k, v.value]))).toEqual({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '' });
  });

  it('mentions every setting the program reads, and no other', () => {
    const mentioned = new Set([...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...mentioned].sort()).toEqual([...SETTING_NAMES].sort());
  });
});
