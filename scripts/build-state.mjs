/**
 * Whether dist/ was compiled from the sources as they are now. `npm run build` records a hash of
 * the compiler's inputs in `<dist>/.source-hash`; scripts/run.mjs compares it with the sources
 * before choosing between the compiled program and the TypeScript source.
 *
 * Plain JavaScript on purpose: it must run before anything is compiled, and without the dev
 * dependencies.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Folders compiled by tsconfig.build.json, and the configuration files that shape the output. */
export const SOURCE_DIRS = ['src', 'commands'];
export const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];
/** Name of the file in the output folder that records the hash of the sources it was built from. */
export const STAMP = '.source-hash';

/** @param {string} dir @param {string} root @returns {string[]} paths relative to root */
function listTypeScript(dir, root) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScript(full, root);
    return entry.isFile() && /\.[cm]?ts$/.test(entry.name) ? [path.relative(root, full)] : [];
  });
}

/**
 * SHA-256 over the path and contents of every TypeScript file under src/ and commands/ and of the
 * tsconfig files, in a fixed order; null when the project has no sources (a built artefact
 * shipped without src/).
 *
 * @param {string} root - the project folder
 * @returns {string | null}
 */
export function sourceHash(root) {
  const files = SOURCE_DIRS.flatMap((dir) => listTypeScript(path.join(root, dir), root)).sort();
  if (files.length === 0) return null;
  const hash = createHash('sha256');
  for (const file of [...files, ...CONFIG_FILES.filter((f) => existsSync(path.join(root, f)))]) {
    // Forward slashes so the hash does not depend on the platform's separator.
    hash.update(file.split(path.sep).join('/')).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/**
 * `current`: the output was built from these sources (or there are no sources to compare with);
 * `stale`: it was built from other sources; `missing`: there is no complete build.
 *
 * @param {string} root - the project folder
 * @param {string} [outDir] - the build output, default `<root>/dist`
 * @returns {'current' | 'stale' | 'missing'}
 */
export function buildState(root, outDir = path.join(root, 'dist')) {
  let recorded;
  try {
    recorded = readFileSync(path.join(outDir, STAMP), 'utf8').trim();
  } catch {
    return 'missing';
  }
  const now = sourceHash(root);
  return now === null || now === recorded ? 'current' : 'stale';
}
