/** Whether a build matches the sources (scripts/build-state.mjs), on a throw-away project. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, sourceHash, STAMP } from '../../scripts/build-state.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'build-state-'));
  mkdirSync(path.join(root, 'src/sub'), { recursive: true });
  mkdirSync(path.join(root, 'commands'));
  writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src/sub/b.ts'), 'export const b = 2;\n');
  writeFileSync(path.join(root, 'commands/c.ts'), 'export const c = 3;\n');
  writeFileSync(path.join(root, 'tsconfig.json'), '{}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const stamp = () => {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist', STAMP), `${sourceHash(root)}\n`);
};

describe('buildState', () => {
  it('is missing without a recorded build, current right after one', () => {
    expect(buildState(root)).toBe('missing');
    stamp();
    expect(buildState(root)).toBe('current');
  });

  it('is stale once a source, a command, the tsconfig changes, or a source is added or renamed', () => {
    const changes: Array<() => void> = [
      () => writeFileSync(path.join(root, 'src/sub/b.ts'), 'export const b = 3;\n'),
      () => writeFileSync(path.join(root, 'commands/c.ts'), 'export const c = 4;\n'),
      () => writeFileSync(path.join(root, 'tsconfig.json'), '{"compilerOptions": {}}\n'),
      () => writeFileSync(path.join(root, 'src/new.ts'), ''),
      () => {
        rmSync(path.join(root, 'src/a.ts'));
        writeFileSync(path.join(root, 'src/z.ts'), 'export const a = 1;\n');
      },
    ];
    for (const change of changes) {
      stamp();
      change();
      expect(buildState(root)).toBe('stale');
    }
  });

  it('ignores what the compiler does not read, and modification times', () => {
    stamp();
    writeFileSync(path.join(root, 'src/README.md'), 'notes');
    writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 1;\n'); // same content, new mtime
    expect(buildState(root)).toBe('current');
  });

  it('counts a build shipped without its sources as current', () => {
    stamp();
    rmSync(path.join(root, 'src'), { recursive: true });
    rmSync(path.join(root, 'commands'), { recursive: true });
    expect(buildState(root)).toBe('current');
  });
});
