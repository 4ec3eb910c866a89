/**
 * What kind of thing a phrase of a question names (a country, a company, a person, an event), from
 * the hand-checked participants data and the glossary: no names live in code. A follow-up such as
 * "중국은?" or "and Acme?" swaps the thing of the same kind in the previous question.
 *
 * @module
 */
import type { Participant } from '../corpus/participants.js';
import type { GlossaryEntry } from '../corpus/glossary.js';
import { GlossaryMatcher } from '../search/glossary.js';
import { foldCase } from '../search/tokenize.js';

/** Kinds of named things a follow-up can swap. */
export type Kind = 'country' | 'company' | 'person' | 'event';

/** A named thing found in a text, where, and of what kind. */
export interface KindSpan {
  kind: Kind;
  /** Identifies the thing: spans of one thing share it, whatever form they use (`애크미`, `Acme`). */
  thing: string;
  start: number;
  end: number;
}

/** A glossary-shaped entry for one thing, with the kind this module gives it (not the sidecar's own `kind`). */
interface KindEntry extends Omit<GlossaryEntry, 'kind'> {
  thingKind: Kind;
  thing: string;
}

/** Finds countries, companies, people and events in a text. */
export class KindLexicon {
  private readonly matcher: GlossaryMatcher;
  private readonly entries: readonly KindEntry[];

  private constructor(entries: KindEntry[]) {
    this.entries = entries;
    this.matcher = new GlossaryMatcher(entries);
  }

  /**
   * Builds the lexicon from participants (countries with their aliases, companies, the people who
   * represent them or sign, the events) and widens every form through the glossary entry that
   * shares it (`애크미그룹` brings `애크미`, `Acme`).
   */
  static build(participants: readonly Participant[], glossary: readonly GlossaryEntry[] = []): KindLexicon {
    const things = new Map<string, { kind: Kind; forms: Set<string> }>();
    const add = (kind: Kind, thing: string, forms: readonly (string | undefined)[]) => {
      const key = `${kind}:${thing}`;
      const entry = things.get(key) ?? { kind, forms: new Set<string>() };
      for (const form of forms) if (form && form.trim().length >= 2) entry.forms.add(form.trim());
      things.set(key, entry);
    };
    for (const p of participants) {
      add('country', p.country, [p.countryName.ko, p.countryName.en, ...p.countryName.aliases]);
      add('event', p.event, [p.eventName.ko, p.eventName.en]);
      // An official's "name" is the government body or country they speak for, not a company.
      if (p.kind === 'company') add('company', p.nameEn, [p.name, p.nameEn]);
      if (p.person) add('person', p.personEn ?? p.person, [p.person, p.personEn]);
    }
    const byForm = new Map<string, GlossaryEntry>();
    for (const entry of glossary) for (const form of [...entry.ko, ...entry.en]) byForm.set(foldCase(form), entry);
    // A form claimed by two things (a country's alias that also names a government body) stays with the first kind.
    const claimed = new Set<string>();
    const entries: KindEntry[] = [];
    for (const [key, { kind, forms }] of things) {
      const widened = new Set<string>();
      for (const form of forms) {
        widened.add(form);
        const entry = byForm.get(foldCase(form));
        if (entry) for (const other of [...entry.ko, ...entry.en]) widened.add(other);
      }
      const own = [...widened].filter((f) => !claimed.has(foldCase(f)));
      own.forEach((f) => claimed.add(foldCase(f)));
      if (own.length > 0) entries.push({ thingKind: kind, thing: key, ko: own, en: [] });
    }
    return new KindLexicon(entries);
  }

  /** An empty lexicon: nothing has a kind. */
  static empty(): KindLexicon {
    return new KindLexicon([]);
  }

  /**
   * Named things of a known kind in `text`, in order. Offsets index the lower-cased text, which for
   * NFC Hangul and Latin text (checked questions are NFC) has the same length as the text as given.
   */
  find(text: string): KindSpan[] {
    if (this.entries.length === 0) return [];
    return this.matcher.match(text).map((m) => {
      const entry = m.entry as unknown as KindEntry;
      return { kind: entry.thingKind, thing: entry.thing, start: m.start, end: m.end };
    });
  }
}
