import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/corpus/glossary.js';
import { GlossaryMatcher } from '../../src/search/glossary.js';
import { analyzeQuery } from '../../src/search/query.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const entries = parseGlossary(readFileSync(path.join(ROOT, 'seeds', 'glossary.json'), 'utf8'));
const glossary = new GlossaryMatcher(entries);
const matched = (q: string) => glossary.match(q).map((m) => m.entry.en[0]);

describe('glossary matching', () => {
  it('finds an English form on word boundaries only (GE, not the "ge" in "agenda")', () => {
    expect(matched('Did GE attend?')).toContain('GE Korea');
    expect(matched('What was on the agenda?')).not.toContain('GE Korea');
  });

  it('finds a Korean form with a particle glued to it', () => {
    expect(matched('퀄컴은 참석했어?')).toContain('Qualcomm');
  });

  it('starts a Korean form of several words at a word: "이 장관" is not inside "굳이 장관급"', () => {
    const invented = new GlossaryMatcher([{ ko: ['이 시장'], en: ['Mayor Yi'] }, { ko: ['시장급'], en: ['mayoral level'] }]);
    expect(invented.match('왜 굳이 시장급으로 올렸어?').map((m) => m.entry.en[0])).toEqual(['mayoral level']);
    expect(invented.match('이 시장은 뭐라고 했어?').map((m) => m.entry.en[0])).toEqual(['Mayor Yi']);
  });

  it('meets a hyphenated name written with a space, joined or hyphenated, at the question\'s own offsets', () => {
    const invented = new GlossaryMatcher([{ ko: ['김민준'], en: ['Kim Min-jun'], kind: 'person' }]);
    for (const q of ['Did kim min jun come?', 'Did Kim Minjun come?', 'Did Kim Min-jun come?']) {
      const [match] = invented.match(q);
      expect(match?.entry.en[0], q).toBe('Kim Min-jun');
      expect(q.slice(match!.start, match!.end).toLowerCase().replace(/[- ]/g, ''), q).toBe('kimminjun');
    }
  });

  it('is case-insensitive for English forms', () => {
    expect(matched('who from QUALCOMM came')).toContain('Qualcomm');
  });

  it('matches one entry once, longest form first, without overlaps', () => {
    const matches = glossary.match('지나 러만도 상무장관');
    const raimondo = matches.filter((m) => m.entry.en.includes('Gina Raimondo'));
    expect(raimondo).toHaveLength(1);
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  });
});

describe('query expansion', () => {
  it('adds the Korean forms to an English question', () => {
    expect(analyzeQuery('Did Qualcomm attend?', { glossary }).expandedText).toContain('퀄컴');
  });

  it('adds the English forms to a Korean question', () => {
    expect(analyzeQuery('반도체 공급망', { glossary }).expandedText).toMatch(/semiconductor/i);
    expect(analyzeQuery('반도체 공급망', { glossary }).expandedText).toMatch(/supply chain/i);
  });

  it('turns one glossary hit into one concept with an alternative per surface form', () => {
    const { concepts } = analyzeQuery('Qualcomm', { glossary });
    expect(concepts).toHaveLength(1);
    expect(concepts[0]!.known).toBe(true);
    expect(concepts[0]!.alternatives.length).toBeGreaterThan(1);
  });

  it('works without a glossary', () => {
    const q = analyzeQuery('라운드테이블에 참석한 기업');
    expect(q.expandedText).toBe('라운드테이블에 참석한 기업');
    expect(q.concepts.map((c) => c.label)).toEqual(['라운드테이블', '참석', '기업']);
  });
});
