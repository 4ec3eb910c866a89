/**
 * Making text and embeds fit Discord's limits without cutting a sentence or a citation in half.
 *
 * Discord counts characters as Unicode code points, so every length here does too.
 *
 * @module
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';

/** The limits Discord enforces on a message (documented under "Embed Limits" and "Create Message"). */
export const DiscordLimits = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds of a message. */
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
} as const;

const ELLIPSIS = '…';

/** Length as Discord counts it: Unicode code points. */
export function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `max` code points of `text`. */
function headCodePoints(text: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ >= max) break;
    out += ch;
  }
  return out;
}

/**
 * End of a sentence: a full stop, question or exclamation mark (closing quotes and brackets
 * allowed) or a `[n]` citation marker, optionally followed by more markers, then whitespace or the
 * end. Cutting there keeps every marker with the sentence it belongs to.
 */
const SENTENCE_END = /(?:[.!?。]["'”’)\]]*|\[\d+\])(?:\s*\[\d+\])*(?=\s|$)/gu;

/**
 * Shortens prose to at most `max` code points. Cuts after the last whole sentence that fits,
 * else at the last space, never inside a `[n]` marker, and marks the cut with "…".
 *
 * @param text - the prose to shorten
 * @param max - the limit in code points (at least 1)
 * @returns `text` unchanged when it fits
 */
export function cutAtSentence(text: string, max: number): string {
  if (length(text) <= max) return text;
  if (max <= 1) return headCodePoints(ELLIPSIS, max);
  // Room for " …" after a whole sentence; the match must end where the full text has a break.
  const sentenceRoom = headCodePoints(text, Math.max(0, max - 2)).length;
  let end = -1;
  for (const match of text.matchAll(SENTENCE_END)) {
    const matchEnd = match.index + match[0].length;
    if (matchEnd > sentenceRoom) break;
    end = matchEnd;
  }
  if (end > 0) return `${text.slice(0, end).trimEnd()} ${ELLIPSIS}`;
  const head = headCodePoints(text, max - 1);
  const space = head.search(/\s\S*$/u);
  const cut = space > 0 ? head.slice(0, space) : head.replace(/\[\d*$/u, '');
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Result of {@link packBlocks}. */
export interface Packed {
  text: string;
  /** How many blocks were left out (the last ones). */
  omitted: number;
}

/**
 * Joins whole blocks (a quoted citation, a list line) with `separator` while they fit in `max`.
 * A block that does not fit is left out whole, never cut, and so is every block after it.
 */
export function packBlocks(blocks: readonly string[], max: number, separator = '\n'): Packed {
  let text = '';
  let used = 0;
  for (const [i, block] of blocks.entries()) {
    const add = (i === 0 ? 0 : length(separator)) + length(block);
    if (used + add > max) return { text, omitted: blocks.length - i };
    text += (i === 0 ? '' : separator) + block;
    used += add;
  }
  return { text, omitted: 0 };
}

/** A block of a field value with its priority: lower numbers are kept first when space runs out. */
export interface RankedBlock {
  text: string;
  priority: number;
}

/**
 * Keeps the highest-priority blocks that fit in `max` (whole blocks only) and joins them in their
 * original order: e.g. a cited sentence before its neighbours, shown between them.
 */
export function packByPriority(blocks: readonly RankedBlock[], max: number, separator = '\n'): Packed {
  const order = blocks.map((block, i) => ({ block, i })).sort((a, b) => a.block.priority - b.block.priority || a.i - b.i);
  const kept = new Set<number>();
  let used = -length(separator);
  for (const { block, i } of order) {
    const add = length(separator) + length(block.text);
    if (used + add > max) continue;
    kept.add(i);
    used += add;
  }
  const text = blocks.filter((_, i) => kept.has(i)).map((b) => b.text).join(separator);
  return { text, omitted: blocks.length - kept.size };
}

function embedSize(embed: APIEmbed): number {
  return (
    length(embed.title ?? '') +
    length(embed.description ?? '') +
    length(embed.footer?.text ?? '') +
    length(embed.author?.name ?? '') +
    (embed.fields ?? []).reduce((sum, f) => sum + length(f.name) + length(f.value), 0)
  );
}

/** Total size of the embeds of one message, as Discord counts it against the 6,000 limit. */
export function embedsSize(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedSize(e), 0);
}

function fitField(field: APIEmbedField): APIEmbedField {
  return { ...field, name: cutAtSentence(field.name, DiscordLimits.fieldName) || '\u200b', value: cutAtSentence(field.value, DiscordLimits.fieldValue) || '\u200b' };
}

function fitOne(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = cutAtSentence(out.title, DiscordLimits.title);
  if (out.description !== undefined) out.description = cutAtSentence(out.description, DiscordLimits.description);
  if (out.footer) out.footer = { ...out.footer, text: cutAtSentence(out.footer.text, DiscordLimits.footer) };
  if (out.author) out.author = { ...out.author, name: cutAtSentence(out.author.name, DiscordLimits.author) };
  if (out.fields) out.fields = out.fields.slice(0, DiscordLimits.fields).map(fitField);
  return out;
}

/**
 * The safety net every message passes through: each part within its limit (prose cut at sentence
 * boundaries), at most 10 embeds, and the 6,000 total kept by dropping whole fields from the end
 * (a field is a citation: it goes whole or not at all), then by shortening descriptions.
 * Renderers budget their output so this rarely has to act.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, DiscordLimits.embeds).map(fitOne);
  for (let e = out.length - 1; e >= 0 && embedsSize(out) > DiscordLimits.embedTotal; e--) {
    const embed = out[e]!;
    while ((embed.fields?.length ?? 0) > 0 && embedsSize(out) > DiscordLimits.embedTotal) embed.fields = embed.fields!.slice(0, -1);
  }
  for (let e = out.length - 1; e >= 0 && embedsSize(out) > DiscordLimits.embedTotal; e--) {
    const embed = out[e]!;
    if (!embed.description) continue;
    const excess = embedsSize(out) - DiscordLimits.embedTotal;
    embed.description = cutAtSentence(embed.description, Math.max(1, length(embed.description) - excess));
  }
  return out;
}

/** Shortens one line (a choice name, a button label) to `max` code points, cutting at a word. */
export function cutLine(text: string, max: number): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return cutAtSentence(line, max);
}
