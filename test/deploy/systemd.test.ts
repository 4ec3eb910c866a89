/**
 * The systemd unit in deploy/: what it must say, and `systemd-analyze verify` accepting it
 * (skipped where the tool is not installed). verify exits 0 even for settings it ignores, so any
 * output counts as a failure.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const UNIT = path.join(ROOT, 'deploy/article-qa-bot.service');

/** `Key=value` lines of the [Service] section (a key may repeat). */
function serviceSettings(text: string): Array<[string, string]> {
  const section = text.split(/^\[/m).find((s) => s.startsWith('Service]')) ?? '';
  return section
    .split('\n')
    .filter((line) => /^[A-Za-z]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string]);
}

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('deploy/article-qa-bot.service', () => {
  const text = readFileSync(UNIT, 'utf8');
  const settings = serviceSettings(text);
  const get = (key: string) => settings.filter(([k]) => k === key).map(([, v]) => v);

  it('restarts on failure but not on exit 78 (settings to fix), runs as a non-root user with an environment file', () => {
    expect(get('Restart')).toEqual(['on-failure']);
    expect(get('RestartPreventExitStatus')).toEqual(['78']);
    expect(get('User')).toHaveLength(1);
    expect(get('User')[0]).not.toMatch(/^(root|0)$/);
    expect(get('EnvironmentFile')).toHaveLength(1);
    expect(get('WorkingDirectory')).toHaveLength(1);
  });

  it('starts node directly on the build, in exec form (no npm, no shell), so SIGTERM reaches the bot', () => {
    const [execStart] = get('ExecStart');
    const [binary, script, ...rest] = execStart!.split(/\s+/);
    expect(path.isAbsolute(binary!)).toBe(true);
    expect(path.basename(binary!)).toBe('node');
    expect(rest).toEqual([]);
    expect(path.relative(get('WorkingDirectory')[0]!, script!)).toBe('dist/src/bot.js');
    expect(get('KillSignal')).toEqual(['SIGTERM']);
    // The build writes exactly that file (see test/build/build.int.test.ts).
    expect(JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8'))).toMatchObject({ compilerOptions: { outDir: 'dist', rootDir: '.' } });
  });

  it('keeps its writable state out of the checkout', () => {
    const environment = get('Environment');
    expect(environment).toContain('INDEX_DIR=/var/lib/article-qa-bot/index');
    expect(environment).toContain('FEEDBACK_FILE=/var/lib/article-qa-bot/feedback.jsonl');
    expect(get('StateDirectory')).toEqual(['article-qa-bot']);
    expect(get('ProtectSystem')).toEqual(['strict']);
  });

  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify without a single complaint', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unit-'));
    try {
      const copy = path.join(dir, 'article-qa-bot.service');
      copyFileSync(UNIT, copy);
      // verify checks that the binary exists; where node lives elsewhere, point at this machine's node.
      const [binary] = get('ExecStart')[0]!.split(/\s+/);
      if (!existsSync(binary!)) writeFileSync(copy, text.replace(`ExecStart=${binary}`, `ExecStart=${process.execPath}`));
      const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasSystemdAnalyze)('(the check can fail: an ignored setting is reported)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unit-'));
    try {
      const copy = path.join(dir, 'broken.service');
      writeFileSync(copy, text.replace('Restart=on-failure', 'Restart=sometimes').replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
      const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`).toContain('sometimes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (!hasSystemdAnalyze) {
  // Say why, once, in the test output.
  console.warn('systemd-analyze is not installed: the systemd unit was checked by its contents only (apt-get install systemd to verify it).');
}
