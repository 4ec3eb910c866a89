#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ and commands/ to dist/ with tsc (tsconfig.build.json, ESM, as
 * the sources), from scratch, and then records the hash of the sources in `dist/.source-hash`
 * (see build-state.mjs), so that scripts/run.mjs knows the build is current.
 *
 * Options:
 *   --if-possible   for the `prepare` script (`npm ci`, `npm install`): when TypeScript is not
 *                   installed (a production install, `--omit=dev`) say so and keep dist/ as it is
 *   --out-dir DIR   compile into DIR instead of dist/ (the tests do)
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sourceHash, STAMP } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'if-possible': { type: 'boolean', default: false }, 'out-dir': { type: 'string' } } });
const outDir = path.resolve(values['out-dir'] ?? path.join(root, 'dist'));

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (values['if-possible']) {
    console.error('build skipped: TypeScript is not installed (a production install); dist/ is used as it is.');
    process.exit(0);
  }
  console.error('Cannot build: TypeScript is not installed. Run `npm ci` (with the dev dependencies) first.');
  process.exit(1);
}

// Hash before compiling: a file edited during the build makes the build count as stale, not current.
const hash = sourceHash(root);
// From scratch, so files whose source was deleted or renamed do not linger in the output.
rmSync(outDir, { recursive: true, force: true });
const started = performance.now();
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', outDir], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`build failed (tsc exit ${result.status ?? result.signal}); ${path.relative(root, outDir) || outDir} is incomplete.`);
  process.exit(1);
}
if (hash !== null) writeFileSync(path.join(outDir, STAMP), `${hash}\n`);
console.error(`built ${path.relative(root, outDir) || outDir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
