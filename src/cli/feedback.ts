/**
 * `npm run feedback [-- --json] [--file <path>] [--limit <n>]`: what the team asks and how it
 * rates the answers, from the feedback file (`FEEDBACK_FILE`). Needs neither Discord settings nor
 * the article: records carry the quoted sentences themselves.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { summarise, type AnswerVotes, type FeedbackSummary } from '../feedback/summary.js';
import type { Style } from './format.js';

/** Reads a feedback file line by line (it only grows; it may be large). */
export async function readFeedbackLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  const input = createReadStream(file, { encoding: 'utf8' });
  for await (const line of createInterface({ input, crlfDelay: Infinity })) lines.push(line);
  return lines;
}

/** Whether the file exists (a missing file means no feedback yet, not an error). */
export async function feedbackFileExists(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new Error(`FEEDBACK_FILE names a folder, not a file: ${file}`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Summary of `file` (an empty one when it does not exist). */
export async function summariseFile(file: string, worst: number): Promise<{ exists: boolean; summary: FeedbackSummary }> {
  const exists = await feedbackFileExists(file);
  return { exists, summary: summarise(exists ? await readFeedbackLines(file) : [], { worst }) };
}

/** Display width: Hangul and CJK take two columns. */
function width(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
}

/** Cuts text to at most `max` columns, marking the cut with `…`. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ');
  if (width(flat) <= max) return flat;
  let out = '';
  for (const ch of flat) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const pad = (value: number, size: number) => String(value).padStart(size);

function votesLine(a: AnswerVotes): string {
  return `${pad(a.up, 4)} ${pad(a.down, 4)}  ${a.answered ? 'answered' : 'declined'}  ${a.language}  ${clip(a.question, 70)}`;
}

/**
 * The summary as text: totals, votes per answer, the worst-rated answers with their citations,
 * and the questions the bot declined. Lists are cut at `limit` rows (the JSON form has them all).
 */
export function formatFeedbackSummary(file: string, exists: boolean, summary: FeedbackSummary, style: Style, limit: number): string {
  if (!exists) return `No feedback yet: ${file} does not exist. The bot creates it at the first vote or declined question.`;
  const t = summary.totals;
  const out: string[] = [style.bold(`Feedback in ${file}`)];
  out.push(`  ${t.answersRated} answer(s) rated: 👍 ${t.up} · 👎 ${t.down} — ${t.votes} vote(s), the latest per person per answer (${t.voteRecords} vote record(s) in the file)`);
  out.push(`  ${t.declined} declined question(s), ${t.distinctDeclined} different`);
  if (t.unreadableLines > 0) out.push(style.yellow(`  ${t.unreadableLines} unreadable line(s) skipped`));

  const more = (shown: number, all: number) => (all > shown ? [style.dim(`  … ${all - shown} more (--limit, or --json for all)`)] : []);

  out.push('', style.bold('Votes per answer (most votes first)'));
  if (summary.answers.length === 0) out.push(style.dim('  none yet'));
  else {
    out.push(style.dim('    👍   👎  outcome   lang question'));
    out.push(...summary.answers.slice(0, limit).map(votesLine));
    out.push(...more(Math.min(limit, summary.answers.length), summary.answers.length));
  }

  out.push('', style.bold('Worst-rated answers'));
  if (summary.worst.length === 0) out.push(style.dim('  no 👎 yet'));
  summary.worst.forEach((a, i) => {
    out.push(`  ${i + 1}. 👎 ${a.down} · 👍 ${a.up}  ${style.cyan(clip(a.question, 80))}  ${style.dim(`(${a.answered ? 'answered' : 'declined'}, ${a.language}, answer ${a.answerId})`)}`);
    a.citations.forEach((c, n) => out.push(`     ${style.cyan(`[${n + 1}]`)} ${style.bold(c.key)}${c.text ? ` 「${clip(c.text, 100)}」` : ''}`));
  });

  out.push('', style.bold('Declined questions (most asked first)'));
  if (summary.declined.length === 0) out.push(style.dim('  none yet'));
  out.push(...summary.declined.slice(0, limit).map((d) => `  ${pad(d.count, 3)}×  ${clip(d.question, 80)}  ${style.dim(`(${d.language}, last ${d.lastAt.slice(0, 10)})`)}`));
  out.push(...more(Math.min(limit, summary.declined.length), summary.declined.length));
  return out.join('\n');
}
