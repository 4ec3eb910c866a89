/**
 * Sentences in context: the Sources button of an answer and the `/source` command. Pure.
 *
 * @module
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { cutAtSentence, DiscordLimits, embedsSize, packByPriority, type RankedBlock } from '../fit.js';
import { strings, type UiLocale } from '../i18n.js';
import type { Message } from '../respond.js';
import type { InContext } from '../sentences.js';
import { Colors, plain, quote, type DocumentLabel } from './answer.js';

/**
 * The sentence `/source` is about, quoted: whole when it fits in `max`, else its beginning, cut
 * after a sentence or word and marked with "…" (a sentence longer than a message cannot be shown whole).
 */
const fittedQuote = (text: string, max: number) => cutAtSentence(quote(text), max);

/** Small grey text (Discord's `-#` subtext) for context around a quoted sentence. */
const subtext = (text: string) => `-# ${text}`;

/**
 * The blocks of one sentence in context, best kept first: the quoted sentence, its English
 * rendering (when wanted), then the sentence before and after (with their renderings).
 */
export function contextBlocks(context: InContext, withTranslation: boolean): RankedBlock[] {
  const blocks: RankedBlock[] = [];
  const { passage, before, after } = context;
  if (before) blocks.push({ text: subtext(`${before.sentence.id} ${plain(before.sentence.text)}`), priority: 2 });
  if (before && withTranslation && before.translation) blocks.push({ text: subtext(`*${plain(before.translation)}*`), priority: 4 });
  blocks.push({ text: `**${passage.sentence.id}**\n${quote(passage.sentence.text)}`, priority: 0 });
  if (withTranslation && passage.translation) blocks.push({ text: `> *${plain(passage.translation)}*`, priority: 1 });
  if (after) blocks.push({ text: subtext(`${after.sentence.id} ${plain(after.sentence.text)}`), priority: 3 });
  if (after && withTranslation && after.translation) blocks.push({ text: subtext(`*${plain(after.translation)}*`), priority: 5 });
  return blocks;
}

/** One cited (or related) sentence of an answer, for the Sources button. */
export interface SourceItem {
  /** Marker number, or null for a related (not supporting) sentence. */
  n: number | null;
  context: InContext;
}

/**
 * The Sources reply: each cited sentence with the sentences around it, one field each, within
 * Discord's limits (context and renderings give way before a cited sentence does).
 */
export function renderSources(items: readonly SourceItem[], opts: { locale: UiLocale; withTranslation: boolean; documents: readonly DocumentLabel[] }): Message {
  const t = strings(opts.locale);
  const multiple = opts.documents.length > 1;
  const build = (fieldMax: number, withTranslation: boolean): APIEmbed => ({
    color: Colors.info,
    title: t.sourcesTitle,
    fields: items.slice(0, DiscordLimits.fields).map(({ n, context }): APIEmbedField => {
      const { id, document } = context.passage.sentence;
      const where = multiple ? ` · ${document}` : '';
      return {
        name: n === null ? `${t.relatedField(id)}${where}` : `[${n}] ${id}${where}`,
        value: packByPriority(contextBlocks(context, withTranslation), fieldMax).text || `(${id})`,
      };
    }),
    footer: { text: articleFooter(opts.documents, items.map((i) => i.context.passage.sentence.document)) },
  });
  // Shrink the per-field budget until the whole embed fits; context goes first, quotes last.
  let embed = build(DiscordLimits.fieldValue, opts.withTranslation);
  for (let max = DiscordLimits.fieldValue; embedsSize([embed]) > DiscordLimits.embedTotal && max > 100; max -= 100) {
    embed = build(max, opts.withTranslation && max > 600);
  }
  return { embeds: [embed] };
}

/** `title — publisher` of the documents involved. */
export function articleFooter(documents: readonly DocumentLabel[], slugs: readonly string[]): string {
  const used = documents.filter((d) => slugs.includes(d.slug));
  return (used.length > 0 ? used : documents).map((d) => (d.publisher ? `${d.title} — ${d.publisher}` : d.title)).join(' · ');
}

/**
 * The `/source` reply: the sentence quoted, its English rendering, the sentences before and
 * after (with theirs in English locales), and where it sits in the article.
 */
export function renderSource(context: InContext, opts: { locale: UiLocale; documents: readonly DocumentLabel[] }): Message {
  const t = strings(opts.locale);
  const { passage, before, after } = context;
  const english = opts.locale === 'en';
  const neighbour = (label: string, p: NonNullable<InContext['before']>): APIEmbedField => ({
    name: `${label} · ${p.sentence.id}`,
    value: packByPriority(
      [
        { text: fittedQuote(p.sentence.text, DiscordLimits.fieldValue), priority: 0 },
        ...(english && p.translation ? [{ text: `*${plain(p.translation)}*`, priority: 1 }] : []),
      ],
      DiscordLimits.fieldValue,
    ).text,
  });
  const fields: APIEmbedField[] = [];
  if (before) fields.push(neighbour(t.before, before));
  if (after) fields.push(neighbour(t.after, after));
  if (passage.sentence.section) fields.push({ name: t.section, value: plain(passage.sentence.section) });
  const description = packByPriority(
    [
      { text: fittedQuote(passage.sentence.text, DiscordLimits.description), priority: 0 },
      ...(passage.translation ? [{ text: `*${plain(passage.translation)}*`, priority: 1 }] : []),
    ],
    DiscordLimits.description,
    '\n\n',
  ).text;
  const title = opts.documents.length > 1 ? `${passage.sentence.id} · ${passage.sentence.document}` : passage.sentence.id;
  return {
    embeds: [{ color: Colors.info, title, description, fields, footer: { text: articleFooter(opts.documents, [passage.sentence.document]) } }],
  };
}
