/**
 * An answer as a Discord embed with its buttons. Pure: same result in, same JSON out.
 *
 * @module
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { AnswerResult, Citation } from '../../answer/types.js';
import { cutAtSentence, DiscordLimits, embedsSize, fitEmbeds, length, packByPriority } from '../fit.js';
import { strings } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import type { Message } from '../respond.js';

/** Colours of answer embeds. */
export const Colors = { answered: 0x5865f2, unanswered: 0x99aab5, info: 0x2b7bb9 } as const;

/** A document as footers name it. */
export interface DocumentLabel {
  slug: string;
  title: string;
  publisher: string | null;
}

/** Custom ids of the buttons under an answer; the command that routes them makes them. */
export interface AnswerButtonIds {
  sources: string;
  up: string;
  down: string;
}

/** What {@link renderAnswer} needs besides the result. */
export interface AnswerContext {
  buttons: AnswerButtonIds;
  documents: readonly DocumentLabel[];
}

/** Escapes Markdown so text shows exactly as written (the escapes themselves are invisible), in linear time. */
export function plain(text: string): string {
  return escapeMarkdown(text);
}

/** A quoted source sentence: Markdown quote, text escaped so it displays verbatim. */
export function quote(text: string): string {
  return `> ${plain(text)}`;
}

function citationField(c: Citation, related: boolean, withTranslation: boolean, locale: 'ko' | 'en', multipleDocuments: boolean): APIEmbedField {
  const t = strings(locale);
  const where = multipleDocuments ? ` · ${c.document}` : '';
  const name = related ? `${t.relatedField(c.id)}${where}` : `[${c.n}] ${c.id}${where}`;
  const blocks = [{ text: quote(c.text), priority: 0 }];
  if (withTranslation && c.translation) blocks.push({ text: `*${plain(c.translation)}*`, priority: 1 });
  // A sentence longer than a field can hold is referred to, not cut: /source shows it whole.
  return { name, value: packByPriority(blocks, DiscordLimits.fieldValue).text || `(/source ${c.id})` };
}

/** Footer: the article(s) cited, publisher, and the time taken. */
export function footer(result: Pick<AnswerResult, 'citations' | 'related' | 'ms' | 'language'>, documents: readonly DocumentLabel[]): string {
  const cited = new Set([...result.citations, ...result.related].map((c) => c.document));
  const shown = documents.filter((d) => cited.size === 0 || cited.has(d.slug));
  const articles = (shown.length > 0 ? shown : documents).map((d) => (d.publisher ? `${d.title} — ${d.publisher}` : d.title)).join(' · ');
  return `${articles} · ${strings(result.language).answeredIn(result.ms)}`;
}

/** The Sources / 👍 / 👎 row under an answer. */
export function answerButtons(ids: AnswerButtonIds, result: Pick<AnswerResult, 'citations' | 'related' | 'language'>): APIActionRowComponent<APIButtonComponent> {
  const t = strings(result.language);
  const hasSources = result.citations.length + result.related.length > 0;
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: t.sources, emoji: { name: '📚' }, custom_id: ids.sources, disabled: !hasSources },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👍' }, custom_id: ids.up },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👎' }, custom_id: ids.down },
    ],
  };
}

/** How a follow-up was read, as an italic first line ("이전 질문에 이어: …"); empty for a question read alone. */
function readingLine(result: Pick<AnswerResult, 'readAs' | 'language'>): string {
  return result.readAs === undefined ? '' : `*${plain(strings(result.language).followingUp(result.readAs))}*\n\n`;
}

function buildEmbed(result: AnswerResult, ctx: AnswerContext, withTranslation: boolean): APIEmbed {
  const t = strings(result.language);
  const multiple = ctx.documents.length > 1;
  const english = result.language === 'en';
  const title = cutAtSentence(plain(result.question), DiscordLimits.title);
  const foot = { text: cutAtSentence(footer(result, ctx.documents), DiscordLimits.footer) };
  const reading = readingLine(result);
  if (result.answered) {
    return {
      color: Colors.answered,
      title,
      description: cutAtSentence(`${reading}${plain(result.answer)}`, DiscordLimits.description),
      fields: result.citations.slice(0, DiscordLimits.fields).map((c) => citationField(c, false, withTranslation && english, result.language, multiple)),
      footer: foot,
    };
  }
  const answer = result.answer.trim() || t.unanswered;
  const description = reading + (result.related.length > 0 ? `${plain(answer)}\n\n${t.relatedHeading}` : plain(answer));
  return {
    color: Colors.unanswered,
    title,
    description: cutAtSentence(description, DiscordLimits.description),
    fields: result.related.slice(0, DiscordLimits.fields).map((c) => citationField(c, true, withTranslation && english, result.language, multiple)),
    footer: foot,
  };
}

/**
 * Renders an answer: the question as title, the answer with its `[n]` markers, one field per
 * citation quoting the sentence verbatim (with the English rendering for English questions),
 * a footer naming the article and the time taken, and the Sources / 👍 / 👎 buttons. When the
 * article has no answer it says so and lists the closest sentences as related, unnumbered.
 *
 * Stays within Discord's limits: English renderings are dropped before any citation is, and
 * citations are never cut (see {@link fitEmbeds} for the last resort).
 */
export function renderAnswer(result: AnswerResult, ctx: AnswerContext): Message {
  let embed = buildEmbed(result, ctx, true);
  if (embedsSize([embed]) > DiscordLimits.embedTotal) embed = buildEmbed(result, ctx, false);
  if (embedsSize([embed]) > DiscordLimits.embedTotal) embed = shrink(embed);
  return { embeds: fitEmbeds([embed]), components: [answerButtons(ctx.buttons, result)] };
}

/** Room the answer text keeps, at least, when citations have to be dropped. */
const MIN_DESCRIPTION = 1000;

/**
 * Last resort for an answer too big for one message: keep the first citations that fit beside
 * a shortened answer, and end the answer after the last marker whose citation is still shown,
 * so no `[n]` points at a quote that is not there.
 */
function shrink(embed: APIEmbed): APIEmbed {
  const fixed = length(embed.title ?? '') + length(embed.footer?.text ?? '');
  const fields = embed.fields ?? [];
  const kept: APIEmbedField[] = [];
  let used = 0;
  for (const field of fields) {
    const size = length(field.name) + length(field.value);
    if (fixed + used + size + MIN_DESCRIPTION > DiscordLimits.embedTotal) break;
    kept.push(field);
    used += size;
  }
  let description = embed.description ?? '';
  const dropped = fields.slice(kept.length).map((f) => /^\[(\d+)\]/.exec(f.name)?.[1]).filter((n): n is string => n !== undefined);
  if (dropped.length > 0) {
    const firstDropped = description.search(new RegExp(`\\[(?:${dropped.join('|')})\\]`));
    if (firstDropped >= 0) {
      const markers = [...description.slice(0, firstDropped).matchAll(/\[\d+\]/g)];
      const end = markers.length > 0 ? markers.at(-1)!.index + markers.at(-1)![0].length : 0;
      description = `${description.slice(0, end).trimEnd()} …`.trimStart();
    }
  }
  description = cutAtSentence(description, Math.min(DiscordLimits.description, DiscordLimits.embedTotal - fixed - used));
  return { ...embed, description, fields: kept };
}
