import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load.js';
import { parseTranslations } from '../../src/corpus/translations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLUG = 'korea-us-supply-chain-dialogue';
const raw = readFileSync(path.join(ROOT, 'seeds', `${SLUG}.ko.txt`), 'utf8');
const json = readFileSync(path.join(ROOT, 'seeds', `${SLUG}.en.json`), 'utf8');
const document = buildCorpus(new Map([[`${SLUG}.ko.txt`, raw]])).documents[0]!;
const ids = document.sentences.map((s) => s.id);

/** The English file with its sentence map edited. */
function edited(edit: (sentences: Record<string, string>) => void): string {
  const file = JSON.parse(json) as { sentences: Record<string, string> };
  edit(file.sentences);
  return JSON.stringify(file);
}

describe('the English rendering of the article', () => {
  const translations = parseTranslations(json, document);

  it('renders every sentence id of the article, and nothing else', () => {
    expect([...translations.keys()].sort()).toEqual([...ids].sort());
    expect(translations.size).toBe(30);
  });

  it('names each id exactly once in the file itself (JSON.parse would hide a duplicate key)', () => {
    const keys = [...json.matchAll(/"(S\d+)"\s*:/g)].map((m) => m[1]!);
    expect(keys.sort()).toEqual([...ids].sort());
  });

  it('is English: no rendering is empty or contains Hangul', () => {
    for (const [id, text] of translations) {
      expect(text.trim().length, id).toBeGreaterThan(0);
      expect(/\p{Script=Hangul}/u.test(text), `${id}: ${text}`).toBe(false);
    }
  });

  it('keeps the figures of each sentence (16 companies, 8 per side, the 21st, 232, 10th anniversary)', () => {
    expect(translations.get('S7')).toMatch(/16/);
    expect(translations.get('S8')).toMatch(/eight|8/i);
    expect(translations.get('S10')).toMatch(/21st/);
    expect(translations.get('S21')).toMatch(/232/);
    expect(translations.get('S20')).toMatch(/10th|tenth/i);
  });
});

describe('parseTranslations rejects a file out of step with the article', () => {
  it('names a missing id', () => {
    const missing = edited((s) => delete s.S7);
    expect(() => parseTranslations(missing, document)).toThrow(/missing S7\b/);
  });

  it('names an id the article does not have', () => {
    const extra = edited((s) => (s.S31 = 'An orphan rendering.'));
    expect(() => parseTranslations(extra, document)).toThrow(/unknown S31\b/);
  });

  it('names every offender at once', () => {
    const both = edited((s) => {
      delete s.S3;
      delete s.S30;
      s.S0 = 'orphan';
    });
    let message = '';
    try {
      parseTranslations(both, document);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/S3\b/);
    expect(message).toMatch(/S30\b/);
    expect(message).toMatch(/S0\b/);
  });

  it('rejects an empty rendering', () => {
    expect(() => parseTranslations(edited((s) => (s.S5 = '')), document)).toThrow();
  });

  it('rejects a file written for another document', () => {
    const other = JSON.stringify({ ...JSON.parse(json), document: 'another-article' });
    expect(() => parseTranslations(other, document)).toThrow(/another-article/);
  });

  it('rejects a file that renders one id twice (a duplicate JSON key)', () => {
    const duplicated = json.replace('"S5":', '"S5": "A first, silently discarded rendering.",\n    "S5":');
    expect(() => parseTranslations(duplicated, document)).toThrow(/S5/);
  });
});
