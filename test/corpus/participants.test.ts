import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load.js';
import { parseParticipants, type Participant } from '../../src/corpus/participants.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLUG = 'korea-us-supply-chain-dialogue';
const raw = readFileSync(path.join(ROOT, 'seeds', `${SLUG}.ko.txt`), 'utf8');
const json = readFileSync(path.join(ROOT, 'seeds', `${SLUG}.participants.json`), 'utf8');
const document = buildCorpus(new Map([[`${SLUG}.ko.txt`, raw]])).documents[0]!;
const sentence = (id: string) => document.sentences.find((s) => s.id === id)?.text;

const participants = parseParticipants(json, document);
const roundtable = participants.filter((p) => p.kind === 'company' && p.event === 'roundtable');
const names = (ps: Participant[]) => ps.map((p) => p.name).sort();

/** The Korean companies at the roundtable, with the representative and title the article gives. */
const KOREAN = [
  ['삼성전자', '이재용', '부회장'],
  ['SK그룹', '최태원', '회장'],
  ['LG그룹', '구광모', '회장'],
  ['현대차그룹', '정의선', '회장'],
  ['롯데그룹', '신동빈', '회장'],
  ['한화솔루션', '김동관', '사장'],
  ['OCI', '백우석', '회장'],
  ['네이버', '최수연', '사장'],
] as const;
const AMERICAN = ['퀄컴', '어플라이드 머티어리얼즈', '램리서치', 'GM 코리아', '블룸에너지', 'GE 코리아', '구글', '코닝'];

/** The participants file with one entry edited. */
function tampered(index: number, edit: Record<string, unknown>): string {
  const file = JSON.parse(json) as { participants: Record<string, unknown>[] };
  Object.assign(file.participants[index]!, edit);
  return JSON.stringify(file);
}

describe('participants of the article', () => {
  it('lists 16 roundtable companies, 8 Korean and 8 American', () => {
    expect(roundtable).toHaveLength(16);
    expect(roundtable.filter((p) => p.country === 'KR')).toHaveLength(8);
    expect(roundtable.filter((p) => p.country === 'US')).toHaveLength(8);
    expect(new Set(roundtable.map((p) => p.name)).size).toBe(16);
  });

  it('has exactly the Korean companies of the article with their representatives and titles', () => {
    const korean = roundtable.filter((p) => p.country === 'KR');
    expect(korean.map((p) => [p.name, p.person, p.title]).sort()).toEqual(KOREAN.map((k) => [...k]).sort());
    for (const p of korean) {
      expect(p.personEn, p.name).toBeTruthy();
      expect(p.titleEn, p.name).toBeTruthy();
      expect(p.nameEn, p.name).toBeTruthy();
    }
  });

  it('quotes each Korean representative as "person company title", verbatim in the cited sentence', () => {
    for (const p of roundtable.filter((x) => x.country === 'KR')) {
      expect(p.citation.text, p.name).toBe(sentence(p.citation.id));
      // Adjacent, so the title belongs to this person and not to someone else in the list.
      expect(p.citation.text.includes(`${p.person} ${p.name} ${p.title}`), `${p.person} ${p.name} ${p.title}`).toBe(true);
    }
  });

  it('has exactly the American companies of the article, each verbatim in its cited sentence', () => {
    const american = roundtable.filter((p) => p.country === 'US');
    expect(names(american)).toEqual([...AMERICAN].sort());
    for (const p of american) {
      expect(p.citation.text, p.name).toBe(sentence(p.citation.id));
      expect(p.citation.text.includes(p.name), p.name).toBe(true);
      expect(p.nameEn, p.name).toMatch(/^[\x20-\x7e–]+$/);
    }
  });

  it('names the officials: the two ministers who signed, the trade minister and the president', () => {
    const officials = participants.filter((p) => p.kind === 'official');
    const byPerson = new Map(officials.map((p) => [p.person, p]));
    expect(byPerson.get('이창양')).toMatchObject({ country: 'KR', event: 'dialogue-mou' });
    expect(byPerson.get('지나 러만도')).toMatchObject({ country: 'US', event: 'dialogue-mou' });
    expect(byPerson.get('안덕근')).toMatchObject({ country: 'KR', event: 'investment-mou' });
    expect(byPerson.get('조 바이든')).toMatchObject({ country: 'US', event: 'state-visit' });
    for (const p of officials) {
      expect(p.citation.text.includes(p.person!), p.person).toBe(true);
      expect(p.citation.text.includes(p.title!), p.person).toBe(true);
    }
  });

  it('names the company of the separate investment MOU', () => {
    const mou = participants.filter((p) => p.kind === 'company' && p.event === 'investment-mou');
    expect(mou.map((p) => [p.name, p.nameEn, p.country])).toEqual([['써모 피셔 사이언티픽', 'Thermo Fisher Scientific', 'US']]);
  });

  it('counts 21 entries, each with both event names and a citation quoted from the article', () => {
    expect(participants).toHaveLength(21);
    for (const p of participants) {
      expect(p.citation.text).toBe(sentence(p.citation.id));
      expect(p.eventName.ko.length).toBeGreaterThan(0);
      expect(p.eventName.en.length).toBeGreaterThan(0);
    }
  });
});

describe('parseParticipants proves entries against the article', () => {
  it('fails naming the entry whose person is not in the cited sentence', () => {
    expect(() => parseParticipants(tampered(2, { person: '구광무' }), document)).toThrow(/entry 3 .*LG Group.*person "구광무"/);
  });

  it('fails naming the entry whose company name is not in the cited sentence', () => {
    expect(() => parseParticipants(tampered(8, { name: '퀄콤' }), document)).toThrow(/entry 9 .*Qualcomm.*"퀄콤"/);
  });

  it('fails naming the entry whose title is not in the cited sentence', () => {
    expect(() => parseParticipants(tampered(16, { title: '총리' }), document)).toThrow(/entry 17 .*Lee Chang-yang.*"총리"/);
  });

  it('fails when an entry cites the wrong sentence', () => {
    // 구광모 is named in S24, not in S25.
    expect(() => parseParticipants(tampered(2, { citation: 'S25' }), document)).toThrow(/entry 3 .*S25/);
  });

  it('fails when an entry cites a sentence the article does not have', () => {
    expect(() => parseParticipants(tampered(0, { citation: 'S99' }), document)).toThrow(/entry 1 .*S99/);
  });

  it('fails on an unknown event', () => {
    expect(() => parseParticipants(tampered(0, { event: 'banquet' }), document)).toThrow(/banquet/);
  });

  it('accepts the untouched file (the tampering, not the parser, makes the tests above fail)', () => {
    expect(() => parseParticipants(tampered(2, {}), document)).not.toThrow();
  });
});
