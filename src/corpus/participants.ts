import { z } from 'zod';
import { parseJsonFile } from './seed-file.js';
import type { ArticleDocument } from './types.js';

const participantSchema = z.object({
  kind: z.enum(['company', 'official']),
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as KR'),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  person: z.string().min(1).optional(),
  personEn: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  titleEn: z.string().min(1).optional(),
  event: z.string().min(1),
  citation: z.string().regex(/^S\d+$/),
});

const participantsFile = z.object({
  document: z.string(),
  events: z.record(z.string(), z.object({ ko: z.string(), en: z.string() })),
  /** How the article's countries are named, and the words a question uses for them (`한국`, `Korean`). */
  countries: z.record(z.string(), z.object({ ko: z.string(), en: z.string(), aliases: z.array(z.string().min(1)).default([]) })).default({}),
  participants: z.array(participantSchema),
});

/** A company or official named in the article, with the sentence that names them. */
export interface Participant extends Omit<z.infer<typeof participantSchema>, 'citation'> {
  citation: { id: string; text: string };
  /** The event in both languages. */
  eventName: { ko: string; en: string };
  /** The country in both languages, and the words a question uses for it. */
  countryName: { ko: string; en: string; aliases: string[] };
}

/** Sidecar file name holding the participants of a document. */
export const participantsFileName = (slug: string) => `${slug}.participants.json`;

/**
 * Parses hand-derived participants and proves them against the article: every Korean name, person
 * and title must occur verbatim in the cited sentence. Throws naming the first entry that does not.
 */
export function parseParticipants(json: string, document: ArticleDocument): Participant[] {
  const file = parseJsonFile(participantsFile, json, participantsFileName(document.slug));
  const sentences = new Map(document.sentences.map((s) => [s.id, s.text]));
  return file.participants.map((p, i) => {
    const label = `${participantsFileName(document.slug)} entry ${i + 1} (${p.nameEn}${p.personEn ? `, ${p.personEn}` : ''})`;
    const text = sentences.get(p.citation);
    if (text === undefined) throw new Error(`${label}: cites ${p.citation}, which the article does not have`);
    for (const field of ['name', 'person', 'title'] as const) {
      const value = p[field];
      if (value !== undefined && !text.includes(value)) throw new Error(`${label}: ${field} "${value}" does not occur in ${p.citation}`);
    }
    const eventName = file.events[p.event];
    if (!eventName) throw new Error(`${label}: unknown event "${p.event}"`);
    const countryName = file.countries[p.country] ?? { ko: p.country, en: p.country, aliases: [p.country.toLowerCase()] };
    return { ...p, citation: { id: p.citation, text }, eventName, countryName };
  });
}
