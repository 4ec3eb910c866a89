import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Article knowledge lives in seeds/ only: a rule that remembers this article's names, venue or
 * numbers wins its question sets and loses on every other text. These scans fail when such a fact
 * creeps into the code.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('-model.ts') ? [full] : [];
  });
}

const code = [...sourceFiles('src'), ...sourceFiles('commands')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const participantsFiles = readdirSync('seeds').filter((n) => n.endsWith('.participants.json'));
const names = participantsFiles.flatMap((n) => {
  const data = JSON.parse(readFileSync(path.join('seeds', n), 'utf8')) as { participants: Record<string, unknown>[] };
  return data.participants.flatMap((p) => ['name', 'nameEn', 'person', 'personEn'].map((k) => p[k]).filter((v): v is string => typeof v === 'string'));
});

function occurrences(needle: string | RegExp): string[] {
  return code.filter(({ text }) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text))).map(({ file }) => file);
}

describe('no article knowledge in src/ or commands/', () => {
  it('reads the participants sidecar (so the scan below means something)', () => {
    expect(names.length).toBeGreaterThan(20);
  });

  it.each(['하얏트', '앰베서더', 'Hyatt', 'Sofitel', '소피텔'])('never names the venue "%s"', (venue) => {
    expect(occurrences(venue)).toEqual([]);
  });

  it('never names a participant (company, person) from a participants file', () => {
    // Short Latin names (LG, SK, GE, OCI) also occur as ordinary letters; they are checked as whole words.
    const found = names.flatMap((name) => {
      const pattern = /^[A-Za-z]{1,3}$/.test(name) ? new RegExp(`\\b${name}\\b`) : name;
      return occurrences(pattern).map((file) => `${name} in ${file}`);
    });
    expect(found).toEqual([]);
  });

  it("has no answer check listing this article's counts (eight|sixteen|16|8, 16곳, 8개 기업)", () => {
    expect(occurrences(/eight\|sixteen|sixteen\|16\b|\b16\|8\b/i)).toEqual([]);
    expect(occurrences(/16\s*곳|8\s*개\s*기업|16\s*개\s*기업/)).toEqual([]);
  });
});
