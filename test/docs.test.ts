/**
 * The command lines the documentation shows work as written: options meant for the script come
 * after npm's `--` (else npm takes them for itself), and every `--json` form runs npm with
 * `--silent` (else npm's banner lands on stdout before the JSON). Checked in README.md,
 * bench/README.md and the CLI's own usage text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILES = ['README.md', 'bench/README.md', 'src/cli.ts'];

/** Every `npm run …` command line in a text, up to the end of its code span, table cell or line. */
function npmRuns(text: string): string[] {
  return [...text.matchAll(/npm run [^`\n|]*/g)].map((m) => m[0].replace(/\s{2,}.*$/, '').trim());
}

/** What is wrong with one command line, or null. */
export function problemOf(command: string): string | null {
  const tokens = command.split(/\s+/).slice(2); // after "npm run"
  const scriptAt = tokens.findIndex((t) => !t.startsWith('-'));
  if (scriptAt < 0) return null; // prose such as "npm run --silent" on its own
  const afterScript = tokens.slice(scriptAt + 1);
  const firstOption = afterScript.find((t) => /^\[?--/.test(t));
  if (firstOption !== undefined && firstOption !== '--') return `"${firstOption}" comes before npm's "--"`;
  if (/--json\b/.test(command) && !tokens.slice(0, scriptAt).includes('--silent')) return '--json without npm run --silent';
  return null;
}

describe('documented npm run command lines', () => {
  it('the check itself tells good lines from bad ones', () => {
    expect(problemOf('npm run --silent ask -- --json "question"')).toBeNull();
    expect(problemOf('npm run participants -- [--country KR|US]')).toBeNull();
    expect(problemOf('npm run participants [-- --json] [--country KR|US]')).toMatch(/before npm's/);
    expect(problemOf('npm run bench -- --quick [--json]')).toMatch(/--silent/);
    expect(problemOf('npm run ask --json "q"')).toMatch(/before npm's/);
  });

  for (const file of FILES) {
    it(`are all well-formed in ${file}`, () => {
      const commands = npmRuns(readFileSync(path.join(ROOT, file), 'utf8'));
      expect(commands.length).toBeGreaterThan(0);
      const wrong = commands.map((c) => [c, problemOf(c)]).filter(([, p]) => p !== null);
      expect(wrong).toEqual([]);
    });
  }
});
