#!/usr/bin/env node
/**
 * Runs one of the project's programs: `node scripts/run.mjs <cli|bot|deploy-commands> [args…]`.
 *
 * - dist/ built from the sources as they are now (see build-state.mjs) → the compiled program;
 * - otherwise, when tsx is installed (a development install) → the TypeScript source through
 *   tsx's loader, so a fresh clone and an edited source both work without a manual build;
 * - otherwise (a production install whose dist/ is missing or older than src/) → a message saying
 *   how to build, exit 1.
 *
 * The program runs in this very process (imported, not spawned): signals sent to this process
 * reach the program's own handlers, and there is no second process to leave behind.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildState } from './build-state.mjs';

const PROGRAMS = { cli: 'src/cli', bot: 'src/bot', 'deploy-commands': 'src/deploy-commands' };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [program, ...args] = process.argv.slice(2);
const entry = Object.hasOwn(PROGRAMS, program ?? '') ? PROGRAMS[/** @type {keyof typeof PROGRAMS} */ (program)] : undefined;
if (!entry) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(PROGRAMS).join('|')}> [arguments]`);
  process.exit(2);
}

const compiled = path.join(root, 'dist', `${entry}.js`);
const state = buildState(root);
let file = compiled;
if (state !== 'current' || !existsSync(compiled)) {
  const source = path.join(root, `${entry}.ts`);
  try {
    // Registers tsx's loader for what this process imports next (the name in a variable: tsx ships no types for it).
    const loader = 'tsx';
    await import(loader);
  } catch {
    console.error(
      state === 'stale'
        ? 'dist/ was built from other sources than those in src/. Build it again: npm ci && npm run build (then npm prune --omit=dev for a production install).'
        : 'dist/ is missing. Build it first: npm ci && npm run build (then npm prune --omit=dev for a production install).',
    );
    process.exit(1);
  }
  if (program === 'bot') console.error(`dist/ is ${state === 'stale' ? 'out of date' : 'missing'}: running the bot from source (npm run build for a faster start and less memory).`);
  file = source;
}
// The program reads its arguments from process.argv.slice(2), as if started directly.
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);
