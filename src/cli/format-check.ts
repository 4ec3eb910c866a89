/**
 * The readable form of a claim check on the command line.
 *
 * @module
 */
import { describeDifference, nothingToCheck, omittedNote, relatedLabel, VERDICT_LABELS, VERDICT_SIGNS } from '../answer/claim-wording.js';
import { MAX_CLAIMS, type CheckResult, type ClaimCitation, type Mark } from '../answer/claims.js';
import type { Style } from './format.js';

/** Text with its marked stretches highlighted (bold on a terminal, ⟦…⟧ otherwise). */
function marked(text: string, marks: readonly Mark[], style: Style, colour: boolean): string {
  let out = '';
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue;
    const part = text.slice(mark.start, mark.end);
    out += text.slice(at, mark.start) + (colour ? style.bold(style.yellow(part)) : `⟦${part}⟧`);
    at = mark.end;
  }
  return out + text.slice(at);
}

function citationLines(c: ClaimCitation, style: Style, colour: boolean, numbered: boolean): string[] {
  const lines = [`    ${numbered ? `${style.cyan(`[${c.n}]`)} ` : ''}${style.bold(c.id)} 「${marked(c.text, c.marks, style, colour)}」 ${style.dim(`score ${c.score.toFixed(3)}`)}`];
  if (c.translation) lines.push(`         ${style.dim('—')} ${marked(c.translation, c.translationMarks ?? [], style, colour)}`);
  return lines;
}

/**
 * One block per statement: its verdict (in the statement's language) and the statement, what
 * differs, then the quoted sentence(s) with the differing part highlighted — or, when the article
 * has nothing, the closest sentence labelled as related.
 */
export function formatCheck(result: CheckResult, style: Style, colour: boolean): string {
  const lines: string[] = [];
  if (result.claims.length === 0) lines.push(style.yellow(nothingToCheck('ko')), style.yellow(nothingToCheck('en')));
  for (const claim of result.claims) {
    const label = VERDICT_LABELS[claim.verdict][claim.language];
    lines.push(`${VERDICT_SIGNS[claim.verdict]} ${claim.verdict === 'supported' ? style.bold(label) : style.yellow(label)} — ${claim.claim}`);
    for (const d of claim.differences) lines.push(`    ${describeDifference(d, claim.language)}`);
    for (const c of claim.citations) lines.push(...citationLines(c, style, colour, true));
    if (claim.related.length > 0) {
      lines.push(`    ${style.dim(`${relatedLabel(claim.language)}:`)}`);
      for (const c of claim.related) lines.push(...citationLines(c, style, colour, false));
    }
    lines.push('');
  }
  if (result.omitted > 0) lines.push(style.dim(omittedNote(result.omitted, MAX_CLAIMS, result.claims[0]?.language ?? 'en')));
  lines.push(style.dim(`${result.ms.toFixed(1)} ms`));
  return lines.join('\n');
}
