/**
 * The `.env` file format, parsed (pure; src/config.ts reads the file).
 *
 * One `KEY=value` per line, as dotenv and Node's `--env-file` read it: blank lines and lines
 * starting with `#` are skipped; `export ` before the key is allowed; a value may be in double
 * quotes (with `\n`, `\t`, `\"` and `\\` escapes) or single quotes (taken literally); an unquoted
 * value ends at ` #` (a comment) and is trimmed. A key given twice keeps its last value. Values
 * spanning several lines are not supported.
 *
 * @module
 */

/** One setting read from the file. */
export interface EnvFileEntry {
  value: string;
  /** 1-based line number. */
  line: number;
}

/** A line that could not be read; the message never contains the line's text (it may hold a secret). */
export interface EnvFileProblem {
  line: number;
  message: string;
}

/** What {@link parseEnvFile} found. */
export interface ParsedEnvFile {
  entries: Map<string, EnvFileEntry>;
  problems: EnvFileProblem[];
}

const KEY = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Reads a double- or single-quoted value starting at `text[0]`; null when the quote is not closed. */
function quoted(text: string): { value: string; rest: string } | null {
  const quote = text[0]!;
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { value, rest: text.slice(i + 1) };
    if (quote === '"' && c === '\\' && i + 1 < text.length) {
      const next = text[++i]!;
      value += ESCAPES[next] ?? `\\${next}`;
    } else value += c;
  }
  return null;
}

/** Parses the text of a `.env` file. */
export function parseEnvFile(text: string): ParsedEnvFile {
  const entries = new Map<string, EnvFileEntry>();
  const problems: EnvFileProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = KEY.exec(trimmed);
    if (!match) {
      problems.push({ line, message: 'is not of the form KEY=value' });
      return;
    }
    const [, key, rest] = match as unknown as [string, string, string];
    if (rest.startsWith('"') || rest.startsWith("'")) {
      const read = quoted(rest);
      if (!read) {
        problems.push({ line, message: `${key}: the quote is not closed on this line` });
        return;
      }
      if (!/^\s*(#.*)?$/.test(read.rest)) {
        problems.push({ line, message: `${key}: unexpected text after the closing quote` });
        return;
      }
      entries.set(key, { value: read.value, line });
      return;
    }
    entries.set(key, { value: rest.replace(/(^|\s+)#.*$/, '').trim(), line });
  });
  return { entries, problems };
}
