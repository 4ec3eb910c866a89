/**
 * Negation in Korean and English statements: `않`/`안`/`못`/`없`/`아니` and `not`/`no`/`never`/`n't`,
 * plus a few verbs of absence (`불참`, `skipped`). Pure; knows no article.
 *
 * @module
 */

/** A negation found in a text. */
export interface NegationMention {
  start: number;
  end: number;
  text: string;
}

/**
 * Korean negation: a long-form `-지 않/못` (`참석하지 않았다`), a short-form `안`/`못` before a verb,
 * `없-` and `아니-` (but not `뿐만 아니라`, "not only"), and nouns of absence or failure.
 */
const KOREAN = [
  /(?<=\p{Script=Hangul})지\s+(?:않|못)\p{Script=Hangul}*/gu,
  /(?<![\p{L}\p{N}])(?:안|못)(?=\s+\p{Script=Hangul})/gu,
  /없(?:다|는|이|었|어|음|고|으|습|던|을|대|네)\p{Script=Hangul}*/gu,
  /(?<!뿐\s?만?\s?)(?<![\p{L}])아니(?!라\s?(?:\p{Script=Hangul}+\s)?(?:도|까지))\p{Script=Hangul}*|(?<![\p{L}])아닌|(?<![\p{L}])아님/gu,
  /(?:불참|미참석|불발|무산|결렬)\p{Script=Hangul}*/gu,
];

/** English negation, leaving out "not only" / "not just" (which affirm) and "no." as an answer. */
const ENGLISH = [
  /\b(?:not|never|none|neither|nor|cannot|without)\b(?!\s+(?:only|just|merely)\b)/giu,
  /\bno\b(?!\s*[,.!?]|$)/giu,
  /\b\w+n['’]t\b/giu,
  /\b(?:skipped|skip|skips|skipping|absent|boycotted|boycott|declined|refused|failed)\b/giu,
];

/**
 * A Korean negation in a modifier (`차별 없는 혜택`, `참석하지 않은 기업`) qualifies a noun rather than
 * denying the statement; a quoted one (`않겠다는 뜻`) still denies what is quoted.
 */
const KOREAN_MODIFIER = /(?:(?<![다라냐자])[는은던]|아닌)$/u;

/** Every negation in a text (Korean and English patterns both apply; a message may mix them). */
export function findNegations(text: string): NegationMention[] {
  const found: NegationMention[] = [];
  for (const pattern of [...KOREAN, ...ENGLISH]) {
    for (const m of text.matchAll(pattern)) {
      if (/\p{Script=Hangul}/u.test(m[0]) && KOREAN_MODIFIER.test(m[0]) && /^\s+\p{Script=Hangul}/u.test(text.slice(m.index + m[0].length))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found.filter((m, i) => i === 0 || m.start >= found[i - 1]!.end);
}

/** True when the text says something is not so. */
export function isNegated(text: string): boolean {
  return findNegations(text).length > 0;
}

/**
 * The statement with its negation taken out, for matching what it is about: `참석하지 않았다` →
 * `참석했다`, `did not attend` → `did attend`, `불참했다` → `했다`.
 */
export function withoutNegations(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findNegations(text)) {
    out += text.slice(at, m.start);
    // `참석하지 않았다` keeps its verb as `참석했다`; other long forms simply lose the negation.
    if (m.text.startsWith('지') && out.endsWith('하')) out = `${out.slice(0, -1)}했다`;
    at = m.end;
  }
  return `${out}${text.slice(at)}`.replace(/\s+/gu, ' ').trim();
}
