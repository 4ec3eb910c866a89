import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { cleanScrape } from './clean.js';
import { decodeText, parseJsonFile, SeedFileError } from './seed-file.js';
import { buildDocument } from './segment.js';
import type { ArticleDocument } from './types.js';
import { GLOSSARY_FILE, parseGlossary, type GlossaryEntry } from './glossary.js';
import { parseParticipants, participantsFileName, type Participant } from './participants.js';
import { parseTranslations, translationFileName } from './translations.js';

/** Everything read from the seeds folder, plus a hash that changes whenever any input changes. */
export interface Corpus {
  documents: ArticleDocument[];
  /** The raw scrapes by document slug, kept to prove citations verbatim against the source. */
  raw: Map<string, string>;
  /** English renderings by document slug (`<slug>.en.json`), checked complete against the document. */
  translations: Map<string, Map<string, string>>;
  /** Participants by document slug (`<slug>.participants.json`), checked against their sentences. */
  participants: Map<string, Participant[]>;
  /** Entries of `glossary.json` (none without the file). */
  glossary: GlossaryEntry[];
  /** sha256 over every input file, names included. */
  hash: string;
}

/** Document slug of a scrape file: `korea-us.ko.txt` → `korea-us`. */
export function slugOf(fileName: string): string {
  return fileName.replace(/\.txt$/, '').replace(/\.[a-z]{2}$/, '');
}

/**
 * Builds a corpus from in-memory files (name → content): pure, so tests need no disk. `where` turns
 * a name into what error messages call the file (its path, when read from a folder).
 */
export function buildCorpus(files: ReadonlyMap<string, string>, where: (name: string) => string = (name) => name): Corpus {
  const hash = createHash('sha256');
  const documents: ArticleDocument[] = [];
  const raw = new Map<string, string>();
  const sidecars = new Map<string, string>();
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name)!;
    hash.update(`${name}\0${content}\0`);
    if (name.endsWith('.txt')) {
      const slug = slugOf(name);
      if (raw.has(slug)) throw new Error(`Two scrapes share the document name "${slug}"`);
      const { blocks, publisher } = cleanScrape(content);
      if (blocks.length === 0) throw new SeedFileError(where(name), 'has no article text');
      raw.set(slug, content);
      documents.push(buildDocument(slug, blocks, publisher));
    } else if (name.endsWith('.json')) {
      // Syntax only: each owner checks the fields when it reads the file.
      parseJsonFile(z.unknown(), content, where(name));
      sidecars.set(name, content);
    }
  }
  // Every sidecar is typed and checked here, once; a problem names its file.
  const translations = new Map<string, Map<string, string>>();
  const participants = new Map<string, Participant[]>();
  for (const document of documents) {
    const rendering = sidecars.get(translationFileName(document.slug));
    if (rendering !== undefined) translations.set(document.slug, parseTranslations(rendering, document));
    const people = sidecars.get(participantsFileName(document.slug));
    participants.set(document.slug, people === undefined ? [] : parseParticipants(people, document));
  }
  const glossaryJson = sidecars.get(GLOSSARY_FILE);
  return { documents, raw, translations, participants, glossary: glossaryJson === undefined ? [] : parseGlossary(glossaryJson), hash: hash.digest('hex') };
}

/** Reads one input file, which must be a file of UTF-8 text. */
async function readSeedFile(file: string): Promise<string> {
  const info = await stat(file);
  if (info.isDirectory()) throw new SeedFileError(file, 'is a folder, not a file; rename it or move it out of the articles folder');
  if (!info.isFile()) throw new SeedFileError(file, 'is not a regular file');
  return decodeText(await readFile(file), file);
}

/**
 * Reads every `.txt` scrape and `.json` sidecar directly inside the seeds folder. A file that
 * cannot be used (a folder, binary or UTF-16 data, empty, broken JSON) stops the load with a
 * {@link SeedFileError} naming it.
 */
export async function loadCorpus(seedsDir: string): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(seedsDir)).filter((n) => n.endsWith('.txt') || n.endsWith('.json'));
  } catch {
    throw new Error(`Cannot read the article folder "${seedsDir}". Set SEEDS_DIR or run from the project folder.`);
  }
  const files = new Map<string, string>();
  await Promise.all(names.map(async (n) => files.set(n, await readSeedFile(path.join(seedsDir, n)))));
  const corpus = buildCorpus(files, (name) => path.join(seedsDir, name));
  if (corpus.documents.length === 0) throw new Error(`No article (.txt) found in "${seedsDir}".`);
  return corpus;
}
