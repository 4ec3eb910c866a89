import { z } from 'zod';
import { parseJsonFile } from './seed-file.js';

/** What a named entry is, where the sidecar says so: claims compare names of one kind only. */
export const NAME_KINDS = ['person', 'company', 'organisation', 'place', 'country'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

const glossaryFile = z.object({
  entries: z.array(z.object({ ko: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1), kind: z.enum(NAME_KINDS).optional() })),
});

/** One bilingual concept: every surface form in either language. */
export interface GlossaryEntry {
  ko: string[];
  en: string[];
  /** For names: a person, a company, a place … (absent for ordinary concepts). */
  kind?: NameKind;
}

/** Name of the glossary file in the articles folder. */
export const GLOSSARY_FILE = 'glossary.json';

/** Parses `glossary.json`; a problem is thrown naming the file and the field. */
export function parseGlossary(json: string): GlossaryEntry[] {
  return parseJsonFile(glossaryFile, json, GLOSSARY_FILE).entries;
}

