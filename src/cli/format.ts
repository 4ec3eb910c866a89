import type { ExternalReport } from '../eval/external.js';
import type { ArticlesReport } from '../eval/invented-articles.js';
import type { Participant } from '../corpus/participants.js';
import type { AnswerResult, Citation } from '../answer/types.js';
import type { ConversationReport } from '../eval/conversations.js';
import type { EvalReport } from '../eval/metrics.js';

/** ANSI styling that disappears when output is not a terminal (or NO_COLOR is set). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
}

/** Styles for a stream: colour only on a TTY without NO_COLOR. */
export function styleFor(colour: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (colour ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), dim: wrap(2, 22), cyan: wrap(36, 39), yellow: wrap(33, 39) };
}

function formatCitation(c: Citation, style: Style): string {
  const lines = [`  ${style.cyan(`[${c.n}]`)} ${style.bold(c.id)} 「${c.text}」 ${style.dim(`score ${c.score.toFixed(3)}`)}`];
  if (c.translation) lines.push(`       ${style.dim(`— ${c.translation}`)}`);
  return lines.join('\n');
}

/** The readable form of an answer: text, then numbered citations (or related sentences). */
export function formatAnswer(result: AnswerResult, style: Style): string {
  const lines = [result.answered ? result.answer : style.yellow(result.answer), ''];
  if (result.citations.length > 0) lines.push(...result.citations.map((c) => formatCitation(c, style)));
  if (result.related.length > 0) {
    lines.push(style.dim(result.language === 'ko' ? '관련 문장 (답의 근거는 아님):' : 'Related sentences (not an answer):'));
    lines.push(...result.related.map((c) => formatCitation(c, style)));
  }
  lines.push(style.dim(`${result.ms.toFixed(1)} ms`));
  return lines.join('\n');
}

/** A plain-text table of participants, one row each. */
export function formatParticipants(participants: readonly Participant[], style: Style): string {
  const rows = participants.map((p) => [p.country, p.kind, p.name, p.nameEn, [p.person, p.title].filter(Boolean).join(' '), [p.titleEn, p.personEn].filter(Boolean).join(' '), p.citation.id]);
  const header = ['country', 'kind', 'name', 'English', 'person', 'person (en)', 'source'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [style.bold(line(header)), ...rows.map(line), style.dim(`${participants.length} participants`)].join('\n');
}

/** The evaluation figures as a Markdown table, one column per question set. */
/** The external-paragraph figures, one column per sample, plain BM25 beside. */
export function formatExternalTable(reports: readonly { name: string; report: ExternalReport }[]): string {
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const rows: [string, (r: ExternalReport) => string][] = [
    ['paragraphs / questions', (r) => `${r.paragraphs} / ${r.questions}`],
    ['first citation right (plain BM25 top sentence)', (r) => `${pct(r.hitAt1)} (${pct(r.bm25HitAt1)})`],
    ['best-ranked sentence right', (r) => pct(r.rankAt1)],
    ['answerable questions answered', (r) => pct(r.answered)],
    ["other paragraphs' questions declined", (r) => `${pct(r.otherArticleDeclined)} of ${r.otherArticleQuestions}`],
    ['look-alike questions declined', (r) => `${pct(r.lookalikeDeclined)} of ${r.lookalikeQuestions}`],
  ];
  const header = `| external sample | ${reports.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|${reports.map(() => '---:').join('|')}|`;
  return [header, rule, ...rows.map(([label, f]) => `| ${label} | ${reports.map((r) => f(r.report)).join(' | ')} |`)].join('\n');
}

/** Figures on the invented articles per language, as a Markdown table. */
export function formatArticlesTable(reports: readonly { name: string; report: ArticlesReport }[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: [string, (r: ArticlesReport) => string][] = [
    ['articles / questions (answerable / not)', (r) => `${r.articles} / ${r.answerable} / ${r.unanswerable}`],
    ['recall@3 (plain BM25)', (r) => `${r.recallAt3.toFixed(3)} (${r.bm25RecallAt3.toFixed(3)})`],
    ['first citation right, declines as misses (plain BM25 top sentence)', (r) => `${pct(r.hitAt1)} (${pct(r.bm25HitAt1)})`],
    ['unanswerable questions declined', (r) => pct(r.abstention)],
    ['answerable questions wrongly declined', (r) => pct(r.wrongAbstention)],
  ];
  const header = `| invented articles | ${reports.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|${reports.map(() => '---:').join('|')}|`;
  return [header, rule, ...rows.map(([label, f]) => `| ${label} | ${reports.map((r) => f(r.report)).join(' | ')} |`)].join('\n');
}

/** Follow-up conversation figures per language, as a Markdown table. */
export function formatConversationTable(reports: readonly { name: string; report: ConversationReport }[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: [string, (r: ConversationReport) => string][] = [
    ['conversations / answerable follow-up turns', (r) => `${r.conversations} / ${r.followUpTurns}`],
    ['follow-ups: gold in the first 3 the reply shows', (r) => r.recallAt3.toFixed(3)],
    ['follow-ups: recall@3 of the ranking (read alone)', (r) => `${r.rankingRecallAt3.toFixed(3)} (${r.aloneRankingRecallAt3.toFixed(3)})`],
    ['follow-ups read with the previous question', (r) => pct(r.readTogether)],
    ['self-contained turns unchanged', (r) => `${r.unchanged} of ${r.selfContainedTurns}`],
  ];
  const header = `| follow-ups | ${reports.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|${reports.map(() => '---:').join('|')}|`;
  return [header, rule, ...rows.map(([label, f]) => `| ${label} | ${reports.map((r) => f(r.report)).join(' | ')} |`)].join('\n');
}

export function formatEvalTable(reports: readonly { name: string; report: EvalReport }[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: [string, (r: EvalReport) => string][] = [
    ['questions (answerable / not)', (r) => `${r.answerable} / ${r.unanswerable}`],
    ['recall@3 (plain BM25)', (r) => `${r.recallAt3.toFixed(3)} (${r.bm25.recallAt3.toFixed(3)})`],
    ['MRR (plain BM25)', (r) => `${r.mrr.toFixed(3)} (${r.bm25.mrr.toFixed(3)})`],
    ['first citation right (BM25 top sentence)', (r) => `${pct(r.hitAt1)} (${pct(r.bm25.hitAt1)})`],
    ['abstains when it should', (r) => pct(r.abstention)],
    ['abstains wrongly', (r) => pct(r.wrongAbstention)],
    ['first citation is gold', (r) => pct(r.answerPrecision)],
    ['quotes verbatim', (r) => pct(r.verbatim)],
  ];
  const header = `| metric | ${reports.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|${reports.map(() => '---:').join('|')}|`;
  return [header, rule, ...rows.map(([label, f]) => `| ${label} | ${reports.map((r) => f(r.report)).join(' | ')} |`)].join('\n');
}
