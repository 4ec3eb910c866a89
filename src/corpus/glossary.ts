import { z } from 'zod';
import { parseJsonFile } from './seed-file.js';

const glossaryFile = z.object({
  entries: z.array(z.object({ ko: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) })),
});

/** One bilingual concept: every surface form in either language. */
export interface GlossaryEntry {
  ko: string[];
  en: string[];
}

/** Name of the glossary file in the articles folder. */
export const GLOSSARY_FILE = 'glossary.json';

/** Parses `glossary.json`; a problem is thrown naming the file and the field. */
export function parseGlossary(json: string): GlossaryEntry[] {
  return parseJsonFile(glossaryFile, json, GLOSSARY_FILE).entries;
}

