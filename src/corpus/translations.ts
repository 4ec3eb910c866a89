import { z } from 'zod';
import { parseJsonFile } from './seed-file.js';
import type { ArticleDocument } from './types.js';

const translationFile = z.object({
  document: z.string(),
  language: z.literal('en'),
  sentences: z.record(z.string(), z.string().min(1)),
});

/** Sidecar file name holding the English rendering of a document. */
export const translationFileName = (slug: string) => `${slug}.en.json`;

/**
 * Parses and checks an English rendering against its document: every sentence id has exactly one
 * rendering and there are no renderings for ids the document lacks. Throws naming the offenders.
 */
export function parseTranslations(json: string, document: ArticleDocument): Map<string, string> {
  const file = parseJsonFile(translationFile, json, translationFileName(document.slug));
  // JSON.parse keeps the last of two equal keys without a word; a rendering written twice is a mistake.
  const repeated = [...json.matchAll(/"(S\d+)"\s*:/g)].map((m) => m[1]!).filter((id, i, all) => all.indexOf(id) !== i);
  if (repeated.length) throw new Error(`${translationFileName(document.slug)} renders ${[...new Set(repeated)].join(', ')} more than once`);
  if (file.document !== document.slug) throw new Error(`${translationFileName(document.slug)} is for "${file.document}"`);
  const ids = new Set(document.sentences.map((s) => s.id));
  const missing = [...ids].filter((id) => !(id in file.sentences));
  const orphans = Object.keys(file.sentences).filter((id) => !ids.has(id));
  if (missing.length || orphans.length) {
    throw new Error(`${translationFileName(document.slug)} is out of step with the article: missing ${missing.join(', ') || 'none'}; unknown ${orphans.join(', ') || 'none'}`);
  }
  return new Map(Object.entries(file.sentences));
}
