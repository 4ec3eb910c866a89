/**
 * Markdown escaping in linear time.
 *
 * discord.js's `escapeMarkdown` uses regular expressions with unbounded look-behinds
 * (`(?<!<a?:.+|https?:\/\/\S*)`), which V8 evaluates by scanning back from every position: a
 * sentence of 0.8 MB took 49 s, and the bot's event loop froze meanwhile. This module escapes the
 * same things with expressions that never rescan the text. Its output matches
 * `escapeMarkdown(text, { heading, bulletedList, numberedList, maskedLink })` on ordinary text; where
 * the two differ (runs of four or more backticks, stars or underscores, where discord.js leaves one
 * unescaped; `_` in `<:emoji:>` names and in URLs inside `<…>`; runs of stars inside URLs) this one
 * escapes more, never less, so the text still shows exactly as written.
 *
 * @module
 */

/**
 * URLs, whose `*` and `_` are kept (escaping them would break the link): `http(s)://…` up to a space,
 * and `<scheme:/…`. Each alternative fails at once or consumes what it scanned, so finding them all
 * is linear; the scheme stops at the next `<`, which keeps a long run of `<` linear too.
 */
const URL_LIKE = /(?<!<)https?:\/\/\S*|(<[^\s:<]+)(:\/[^\s>]*)/g;
/** Inside a URL, what can pair with syntax outside it is still escaped, as discord.js does. */
const IN_URL = /[\\`]|~~|\|\||\*\*+/g;
/** discord.js also escapes `_` after `<scheme:/`. */
const IN_ANGLE_URL = /[\\`_]|~~|\|\||\*\*+/g;

/** Headings at the start of a line (`# `, `## `, `### `, also after a bullet), as discord.js escapes them. */
const HEADING = /^( {0,2})([*-] )?( *)(#{1,3} )/gm;
/** A `-` bullet at the start of a line (`*` bullets were escaped with the inline syntax). */
const BULLET = /^( *)([*-])( +)/gm;
/** `1.` at the start of a line. */
const NUMBERED = /^( *\d+)\./gm;
/** A line: what `.` matches in a regular expression. */
const LINE = /[^\n\r\u2028\u2029]+/g;

/** A backslash before each character of a piece of syntax (`**` → `\*\*`). */
const escapeEach = (syntax: string) => syntax.replace(/./gsu, '\\$&');

/** Text outside URLs: every character that can open or close a style (native replaces, no callbacks per character). */
const escapeStyle = (text: string) => text.replace(/[\\`*_]/g, '\\$&').replace(/~~/g, '\\~\\~').replace(/\|\|/g, '\\|\\|');

function escapeInline(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    const [url, scheme, rest] = match;
    out += escapeStyle(text.slice(from, match.index));
    out += scheme !== undefined ? escapeStyle(scheme) + rest!.replace(IN_ANGLE_URL, escapeEach) : url.replace(IN_URL, escapeEach);
    from = match.index + url.length;
  }
  return out + escapeStyle(text.slice(from));
}

/**
 * A masked link `[text](target)` on one line, escaped as discord.js does (`\[.+]\(.+\)` → `\` in
 * front): the first `[` of the line is escaped when a `](` follows it, at least one character on,
 * with at least one character and a `)` after it. Found with two scans instead of backtracking.
 */
function escapeMaskedLink(line: string): string {
  const open = line.indexOf('[');
  if (open === -1) return line;
  const close = line.lastIndexOf(')');
  const middle = line.indexOf('](', open + 2);
  return middle !== -1 && middle + 3 <= close ? `${line.slice(0, open)}\\${line.slice(open)}` : line;
}

/**
 * Escapes Markdown so that `text` shows exactly as written in Discord (the backslashes are
 * invisible there): backslashes, code, bold, italic, underline, strikethrough, spoilers, headings,
 * lists and masked links. Runs in time linear in the length of `text`.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(HEADING, '$1$2$3\\$4')
    .replace(BULLET, '$1\\$2$3')
    .replace(NUMBERED, '$1\\.')
    .replace(LINE, escapeMaskedLink);
}
