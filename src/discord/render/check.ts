/**
 * A claim check as a Discord embed: one field per statement with its verdict, what differs, and the
 * quoted sentence with the differing part marked. Pure: same result in, same JSON out.
 *
 * @module
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { describeDifference, nothingToCheck, omittedNote, relatedLabel, VERDICT_LABELS, VERDICT_SIGNS } from '../../answer/claim-wording.js';
import { MAX_CLAIMS, type CheckedClaim, type CheckResult, type ClaimCitation, type Mark } from '../../answer/claims.js';
import type { Language } from '../../answer/question.js';
import { cutLine, DiscordLimits, embedsSize, fitEmbeds, packByPriority, type RankedBlock } from '../fit.js';
import { formatMs, type UiLocale } from '../i18n.js';
import type { Message } from '../respond.js';
import { Colors, plain, type DocumentLabel } from './answer.js';

/** The interface words of a check, per interface language. */
const WORDS = {
  ko: {
    title: '기사로 확인',
    share: '채널에 공유',
    shared: '채널에 공유했습니다.',
    sharedBy: (name: string) => `${name} 님이 공유한 확인 결과`,
    noText: '이 메시지에는 확인할 글이 없습니다. 앱은 메시지의 글만 받습니다 (이미지나 임베드는 읽지 못합니다).',
    checked: (n: number, ms: number) => `문장 ${n}개 확인 · ${formatMs(ms)} 소요`,
    claimLabel: '주장',
  },
  en: {
    title: 'Check against the article',
    share: 'Share in channel',
    shared: 'Shared in the channel.',
    sharedBy: (name: string) => `Check shared by ${name}`,
    noText: 'This message has no text to check: apps receive the text of a message, not its images or embeds.',
    checked: (n: number, ms: number) => `${n} statement${n === 1 ? '' : 's'} checked · ${formatMs(ms)}`,
    claimLabel: 'Claim',
  },
} as const;

/** The interface words of a check. */
export function checkWords(locale: UiLocale): (typeof WORDS)[UiLocale] {
  return WORDS[locale];
}

/** Colour by the most serious verdict: a contradiction first, then anything not in the article. */
function colour(result: CheckResult): number {
  if (result.claims.some((c) => c.verdict === 'contradicted')) return 0xed4245;
  if (result.claims.some((c) => c.verdict === 'not-in-article')) return Colors.unanswered;
  return 0x57f287;
}

/** Text with its marked stretches in bold and underlined, the rest shown verbatim (Markdown escaped). */
export function markedText(text: string, marks: readonly Mark[]): string {
  let out = '';
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue;
    out += plain(text.slice(at, mark.start)) + `**__${plain(text.slice(mark.start, mark.end))}__**`;
    at = mark.end;
  }
  return out + plain(text.slice(at));
}

/** A quoted sentence, every line of it inside the quote. */
function quoted(markdown: string): string {
  return `> ${markdown.replace(/\n/gu, '\n> ')}`;
}

function citationBlocks(c: ClaimCitation, language: Language, related: boolean, base: number): RankedBlock[] {
  const blocks: RankedBlock[] = [{ text: `${related ? `-# ${relatedLabel(language)} · ` : ''}**${c.id}**\n${quoted(markedText(c.text, c.marks))}`, priority: base }];
  if (language === 'en' && c.translation) blocks.push({ text: quoted(`*${markedText(c.translation, c.translationMarks ?? [])}*`), priority: base + 2 });
  return blocks;
}

function claimField(claim: CheckedClaim, index: number): APIEmbedField {
  const { language } = claim;
  const cited = claim.citations[0] ?? claim.related[0];
  const name = `${VERDICT_SIGNS[claim.verdict]} ${index + 1}. ${VERDICT_LABELS[claim.verdict][language]}${claim.verdict !== 'not-in-article' && cited ? ` · ${cited.id}` : ''}`;
  const blocks: RankedBlock[] = [{ text: `“${plain(cutLine(claim.claim, 300))}”`, priority: 0 }];
  for (const difference of claim.differences) blocks.push({ text: plain(describeDifference(difference, language)), priority: 0 });
  claim.citations.forEach((c, i) => blocks.push(...citationBlocks(c, language, false, i === 0 ? 1 : 3)));
  claim.related.slice(0, 1).forEach((c) => blocks.push(...citationBlocks(c, language, true, 1)));
  // A sentence too long for the field is referred to, not cut: /source shows it whole.
  const packed = packByPriority(blocks, DiscordLimits.fieldValue);
  const value = packed.omitted > 0 && cited && !packed.text.includes(`**${cited.id}**`) ? `${packed.text}\n(/source ${cited.id})` : packed.text;
  return { name: cutLine(name, DiscordLimits.fieldName), value: value || '\u200b' };
}

/** What {@link renderCheck} needs besides the result. */
export interface CheckRenderContext {
  /** Language of the interface (title, footer, button). */
  locale: UiLocale;
  documents: readonly DocumentLabel[];
  /** Adds the "share in channel" button, whose custom id is given. */
  shareButtonId?: string;
}

/**
 * Renders a check: one field per statement (verdict in the statement's language, what differs,
 * the quoted sentence with the differing part in bold and underlined, the English rendering for
 * English statements; the closest sentence labelled as related when the article has nothing),
 * a note on statements left unchecked, and the share button when asked for.
 */
export function renderCheck(result: CheckResult, ctx: CheckRenderContext): Message {
  const words = checkWords(ctx.locale);
  const language = result.claims[0]?.language ?? ctx.locale;
  const notes = [result.claims.length === 0 ? nothingToCheck(language) : '', result.omitted > 0 ? omittedNote(result.omitted, MAX_CLAIMS, ctx.locale) : ''].filter(Boolean);
  const articles = ctx.documents.map((d) => (d.publisher ? `${d.title} — ${d.publisher}` : d.title)).join(' · ');
  const embed: APIEmbed = {
    color: colour(result),
    title: words.title,
    ...(notes.length > 0 ? { description: notes.join('\n') } : {}),
    fields: result.claims.map(claimField),
    footer: { text: cutLine(`${articles} · ${words.checked(result.claims.length, result.ms)}`, DiscordLimits.footer) },
  };
  const components: APIActionRowComponent<APIButtonComponent>[] = ctx.shareButtonId
    ? [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: words.share, emoji: { name: '📣' }, custom_id: ctx.shareButtonId }] }]
    : [];
  // Five fields of at most 1,024 each stay under the 6,000 total; fitEmbeds is the safety net.
  return { embeds: embedsSize([embed]) > DiscordLimits.embedTotal ? fitEmbeds([embed]) : [embed], components };
}
