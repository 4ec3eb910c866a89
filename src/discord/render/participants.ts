/**
 * The `/participants` reply: who took part, grouped by event and country, each group citing the
 * sentence that names them. Pure.
 *
 * @module
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Participant } from '../../corpus/participants.js';
import { DiscordLimits, embedsSize, packBlocks, packByPriority } from '../fit.js';
import { strings, type UiLocale } from '../i18n.js';
import type { Message } from '../respond.js';
import { Colors, plain, quote, type DocumentLabel } from './answer.js';
import { articleFooter } from './source.js';

/** A participant with the document it comes from. */
export type PlacedParticipant = Participant & { document?: string };

/** Filters of `/participants`. */
export interface ParticipantFilter {
  country: Participant['country'] | null;
  kind: Participant['kind'] | null;
}

/** One line: the organisation, then its representative and title, in the user's language. */
export function participantLine(p: Participant, locale: UiLocale): string {
  if (locale === 'ko') {
    const who = [p.person, p.title].filter(Boolean).join(' ');
    return `• **${plain(p.name)}**${who ? ` — ${plain(who)}` : ''}`;
  }
  const who = [p.personEn, p.titleEn].filter(Boolean).join(', ');
  return `• **${plain(p.nameEn)}**${who ? ` — ${plain(who)}` : ''}`;
}

interface Group {
  key: string;
  event: Participant['eventName'];
  country: Participant['countryName'];
  kind: Participant['kind'];
  document?: string;
  members: PlacedParticipant[];
  /** Distinct cited sentences, in order of first use. */
  citations: Array<Participant['citation']>;
}

/** Groups by document, event and country, keeping the article's order of first appearance. */
export function groupParticipants(participants: readonly PlacedParticipant[]): Group[] {
  const groups = new Map<string, Group>();
  for (const p of participants) {
    const key = `${p.document ?? ''}|${p.event}|${p.country}|${p.kind}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, event: p.eventName, country: p.countryName, kind: p.kind, document: p.document, members: [], citations: [] };
      groups.set(key, group);
    }
    group.members.push(p);
    if (!group.citations.some((c) => c.id === p.citation.id)) group.citations.push(p.citation);
  }
  return [...groups.values()];
}

function groupField(group: Group, locale: UiLocale, translate: (id: string) => string | undefined, withTranslation: boolean): APIEmbedField {
  const t = strings(locale);
  const name = `${group.event[locale]} · ${group.country[locale]} ${t.kind[group.kind]}`;
  const citationBlocks = group.citations.flatMap((c, i) => {
    const rendering = withTranslation && locale === 'en' ? translate(c.id) : undefined;
    return [
      { text: `-# ${c.id}\n${quote(c.text)}`, priority: 0 },
      ...(rendering ? [{ text: `> *${plain(rendering)}*`, priority: 2 + i }] : []),
    ];
  });
  const citations = packByPriority(citationBlocks, DiscordLimits.fieldValue - 200);
  const list = packBlocks(group.members.map((m) => participantLine(m, locale)), DiscordLimits.fieldValue - citations.text.length - 40);
  const more = list.omitted > 0 ? `\n${t.moreOmitted(list.omitted)}` : '';
  return { name, value: `${list.text}${more}\n${citations.text}` };
}

/**
 * Renders the participants, filtered by country and kind, grouped by event and country with
 * representatives and titles in the user's language; each group quotes the sentence naming them
 * (and, in English, its rendering when there is room).
 */
export function renderParticipants(
  participants: readonly PlacedParticipant[],
  opts: { locale: UiLocale; filter: ParticipantFilter; documents: readonly DocumentLabel[]; translate: (document: string | undefined, id: string) => string | undefined },
): Message {
  const t = strings(opts.locale);
  const chosen = participants.filter((p) => (opts.filter.country === null || p.country === opts.filter.country) && (opts.filter.kind === null || p.kind === opts.filter.kind));
  const countryLabel = (code: string) => participants.find((p) => p.country === code)?.countryName[opts.locale] ?? code;
  const filters = [opts.filter.country ? countryLabel(opts.filter.country) : null, opts.filter.kind ? t.kind[opts.filter.kind] : null].filter((f): f is string => f !== null);
  const description = [chosen.length > 0 ? t.participantsSummary(chosen.length) : t.noParticipants, filters.length > 0 ? t.participantsFilter(filters) : null].filter(Boolean).join('\n');
  const groups = groupParticipants(chosen);
  const build = (withTranslation: boolean): APIEmbed => ({
    color: Colors.info,
    title: t.participantsTitle,
    description,
    fields: groups.slice(0, DiscordLimits.fields).map((g) => groupField(g, opts.locale, (id) => opts.translate(g.document, id), withTranslation)),
    footer: { text: articleFooter(opts.documents, chosen.map((p) => p.document ?? '')) },
  });
  let embed = build(true);
  if (embedsSize([embed]) > DiscordLimits.embedTotal) embed = build(false);
  return { embeds: [embed] };
}
