import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanScrape, normalizeText } from '../../src/corpus/clean.js';
import { buildCorpus, loadCorpus, slugOf } from '../../src/corpus/load.js';
import { splitSentences } from '../../src/corpus/segment.js';
import type { ArticleDocument } from '../../src/corpus/types.js';
import { buildPassages } from '../../src/search/passages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLE_FILE = 'korea-us-supply-chain-dialogue.ko.txt';
const ARTICLE_SLUG = 'korea-us-supply-chain-dialogue';
const FIXTURE_FILE = 'garam-drone-show.ko.txt';
const FIXTURE_SLUG = 'garam-drone-show';

const raw = readFileSync(path.join(ROOT, 'seeds', ARTICLE_FILE), 'utf8');
const fixtureRaw = readFileSync(path.join(ROOT, 'test', 'fixtures', FIXTURE_FILE), 'utf8');
const rawLines = raw.split('\n').map((l) => l.trim());

const single = buildCorpus(new Map([[ARTICLE_FILE, raw]]));
const article = single.documents[0]!;
const texts = article.sentences.map((s) => s.text);
const byId = (doc: ArticleDocument, id: string) => doc.sentences.find((s) => s.id === id)!;

const CHROME = ['기사 스크랩', '공유', '댓글', '클린뷰', '프린트', '-', ','];

describe('ingest of the real scrape', () => {
  it('reads exactly one document named after the file', () => {
    expect(single.documents).toHaveLength(1);
    expect(article.slug).toBe(ARTICLE_SLUG);
    expect(article.sentences.every((s) => s.document === ARTICLE_SLUG)).toBe(true);
  });

  it('drops the page chrome, lone punctuation and the byline', () => {
    for (const chrome of [...CHROME, '/연합뉴스', '연합뉴스']) expect(texts, chrome).not.toContain(chrome);
    expect(texts.some((t) => t.includes('/연합뉴스'))).toBe(false);
    // No sentence is only punctuation or a fragment of a chrome button.
    expect(texts.every((t) => /[\p{L}\p{N}]/u.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('기사 스크랩') || t === '스크랩')).toBe(false);
  });

  it('reads the publisher from the byline', () => {
    expect(article.publisher).toBe('연합뉴스');
    expect(cleanScrape(raw).publisher).toBe('연합뉴스');
  });

  it('keeps the body, which the scrape carries twice, exactly once: 30 sentences, none repeated', () => {
    expect(article.sentences).toHaveLength(30);
    expect(new Set(texts).size).toBe(texts.length);
    // The Korean roundtable line occurs twice in the file and once in the document.
    const line = rawLines.find((l) => l.startsWith('한국 측에서는 이재용'))!;
    expect(rawLines.filter((l) => l === line)).toHaveLength(2);
    expect(texts.filter((t) => t === line)).toHaveLength(1);
  });

  it('loses no line of the body: every content line of the first copy is a sentence', () => {
    // Lines 15–41 of the file are the body of the first copy (line 42 is the byline).
    const body = rawLines.slice(14, 41).filter((l) => l !== ',').map((l) => l.replace(/^◇\s*/u, ''));
    expect(body).toHaveLength(26);
    for (const line of body) expect(texts, line).toContain(line);
  });

  it('numbers sentences S1..Sn consecutively in reading order', () => {
    article.sentences.forEach((s, i) => {
      expect(s.id).toBe(`S${i + 1}`);
      expect(s.ordinal).toBe(i + 1);
    });
    const blocks = article.sentences.map((s) => s.block);
    expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
  });

  it('labels the headline and the three sub-headlines', () => {
    expect(byId(article, 'S1')).toMatchObject({ kind: 'headline', text: "한미, 경제안보 이슈 논의 '공급망·산업 대화' 장관급 격상" });
    expect(article.title).toBe(byId(article, 'S1').text);
    expect(byId(article, 'S2')).toMatchObject({ kind: 'subheadline', text: '한미 상무장관 양해각서 체결…공급망·첨단기술 협력 플랫폼으로 운영' });
    expect(byId(article, 'S3')).toMatchObject({ kind: 'subheadline', text: '한미 "한국 제조역량·미국 기술역량 시너지 낼 것"' });
    expect(byId(article, 'S4')).toMatchObject({ kind: 'subheadline', text: "'비즈니스 라운드테이블'도 개최…반도체·배터리·청정에너지 등 16개 기업 참가" });
    expect(article.sentences.slice(4).every((s) => s.kind === 'section' || s.kind === 'paragraph')).toBe(true);
  });

  it('keeps the two ◇ section heads without the marker, and every sentence carries its section', () => {
    const sections = article.sentences.filter((s) => s.kind === 'section');
    expect(sections.map((s) => s.id)).toEqual(['S9', 'S22']);
    expect(sections.map((s) => s.text)).toEqual([
      "한미 상무장관, '공급망·산업 대화' MOU 체결…장관급 격상",
      "한미 '비즈니스 라운드테이블' 개최…양국 16개 기업 참가",
    ]);
    expect(texts.some((t) => t.includes('◇'))).toBe(false);
    for (const s of article.sentences) {
      const expected = s.ordinal < 9 ? null : s.ordinal < 22 ? sections[0]!.text : sections[1]!.text;
      expect(s.section, s.id).toBe(expected);
    }
  });

  it('quotes every sentence verbatim from the raw file', () => {
    for (const t of texts) expect(raw.includes(t), t).toBe(true);
  });

  it('locates every sentence in the first copy of the body by its offsets in the raw file', () => {
    const secondCopy = raw.indexOf('/연합뉴스');
    for (const s of article.sentences) {
      expect(raw.slice(s.start, s.end), s.id).toBe(s.text);
      expect(s.end, s.id).toBeLessThan(secondCopy);
    }
  });

  it('keeps a sentence with two quotations and a connective (이라며) as one sentence', () => {
    const s = article.sentences.find((x) => x.text.startsWith('산업부는 "러만도'))!;
    expect(s.text.endsWith('고 설명했다.')).toBe(true);
  });

  it('gives the same result for Windows line endings', () => {
    const crlf = buildCorpus(new Map([[ARTICLE_FILE, raw.replace(/\n/g, '\r\n')]]));
    expect(crlf.documents[0]!.sentences.map((s) => s.text)).toEqual(texts);
  });
});

describe('ingest of a second document (test/fixtures)', () => {
  const both = buildCorpus(new Map([[ARTICLE_FILE, raw], [FIXTURE_FILE, fixtureRaw]]));
  const fixture = both.documents.find((d) => d.slug === FIXTURE_SLUG)!;
  const again = both.documents.find((d) => d.slug === ARTICLE_SLUG)!;

  it('loads both documents, each under its own slug', () => {
    expect(both.documents.map((d) => d.slug).sort()).toEqual([ARTICLE_SLUG, FIXTURE_SLUG].sort());
    expect(fixture.sentences.every((s) => s.document === FIXTURE_SLUG)).toBe(true);
    expect([...both.raw.keys()].sort()).toEqual([ARTICLE_SLUG, FIXTURE_SLUG].sort());
    expect(both.raw.get(FIXTURE_SLUG)).toBe(fixtureRaw);
  });

  it('numbers the second document from S1, leaving the first unchanged', () => {
    expect(fixture.sentences.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
    expect(again.sentences).toEqual(article.sentences);
  });

  it('cleans the second scrape: chrome, reporter byline and the repeated body are gone', () => {
    const t = fixture.sentences.map((s) => s.text);
    for (const chrome of CHROME) expect(t).not.toContain(chrome);
    expect(t.some((x) => x.includes('기자') || x.includes('@'))).toBe(false);
    expect(new Set(t).size).toBe(t.length);
  });

  it('splits a paragraph of three sentences, keeping a quoted sentence whole', () => {
    expect(fixture.sentences.map((s) => s.kind)).toEqual(['headline', 'subheadline', 'paragraph', 'paragraph', 'paragraph', 'section', 'paragraph']);
    const [a, b, c] = fixture.sentences.slice(2, 5);
    expect(a!.text).toBe('가람시는 다음 달부터 매달 첫째 주 토요일 강변공원에서 야간 드론쇼를 연다고 3일 밝혔다.');
    expect(b!.text).toBe('행사에는 드론 500대가 동원된다.');
    expect(c!.text).toBe('김가람 시장은 "강변을 밤에도 즐길 수 있는 명소로 만들겠다"고 말했다.');
    expect(new Set([a!.block, b!.block, c!.block]).size).toBe(1);
    expect(fixture.sentences[5]!.text).toBe('시민이 고른 문구로 밤하늘 장식');
    expect(fixture.sentences[6]!.section).toBe('시민이 고른 문구로 밤하늘 장식');
  });

  it('quotes every sentence of the second document verbatim from its own scrape', () => {
    for (const s of fixture.sentences) expect(fixtureRaw.includes(s.text), s.text).toBe(true);
  });

  it('gives every sentence a key unique across documents', () => {
    const keys = buildPassages(both).map((p) => p.key);
    expect(keys).toHaveLength(37);
    expect(new Set(keys).size).toBe(37);
    expect(keys).toContain(`${FIXTURE_SLUG}#S1`);
    expect(keys).toContain(`${ARTICLE_SLUG}#S1`);
  });
});

describe('corpus hash', () => {
  const files = () => new Map([[ARTICLE_FILE, raw], [FIXTURE_FILE, fixtureRaw], ['glossary.json', '{"entries":[]}']]);
  const hashOf = (m: Map<string, string>) => buildCorpus(m).hash;
  const base = hashOf(files());

  it('is a stable sha256 hex digest, independent of the order files are given in', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(new Map([...files()].reverse()))).toBe(base);
  });

  it('changes when any scrape changes, even by one character', () => {
    const m = files();
    m.set(FIXTURE_FILE, fixtureRaw.replace('500대', '501대'));
    expect(hashOf(m)).not.toBe(base);
    const n = files();
    n.set(ARTICLE_FILE, `${raw}\n`);
    expect(hashOf(n)).not.toBe(base);
  });

  it('changes when a sidecar changes, a file is renamed, added or removed', () => {
    const sidecar = files();
    sidecar.set('glossary.json', '{"entries": []}');
    expect(hashOf(sidecar)).not.toBe(base);
    const renamed = files();
    renamed.delete(FIXTURE_FILE);
    renamed.set('garam-drone-show-2.ko.txt', fixtureRaw);
    expect(hashOf(renamed)).not.toBe(base);
    const added = files();
    added.set('extra.json', '{}');
    expect(hashOf(added)).not.toBe(base);
    const removed = files();
    removed.delete('glossary.json');
    expect(hashOf(removed)).not.toBe(base);
  });
});

describe('loading from a folder', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'qa-corpus-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads every scrape and sidecar in the folder, as buildCorpus does', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, ARTICLE_FILE), raw);
    writeFileSync(path.join(dir, FIXTURE_FILE), fixtureRaw);
    writeFileSync(path.join(dir, 'glossary.json'), '{"entries":[]}');
    writeFileSync(path.join(dir, 'notes.md'), 'not an input');
    const corpus = await loadCorpus(dir);
    const expected = buildCorpus(new Map([[ARTICLE_FILE, raw], [FIXTURE_FILE, fixtureRaw], ['glossary.json', '{"entries":[]}']]));
    expect(corpus.hash).toBe(expected.hash);
    expect(corpus.documents).toEqual(expected.documents);
    expect(corpus.glossary).toEqual([]);
    expect([...corpus.participants.values()].flat()).toEqual([]);
  });

  it('fails with a message naming the folder when it does not exist', async () => {
    const missing = path.join(tempDir(), 'nope');
    await expect(loadCorpus(missing)).rejects.toThrow(missing);
  });

  it('fails with a clear message when the folder has no scrape', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'glossary.json'), '{"entries":[]}');
    await expect(loadCorpus(dir)).rejects.toThrow(/No article/);
  });

  it('refuses two scrapes that would share a document slug', () => {
    expect(() => buildCorpus(new Map([['a.ko.txt', fixtureRaw], ['a.en.txt', fixtureRaw]]))).toThrow(/"a"/);
  });
});

describe('slugOf', () => {
  it('drops the .txt extension and a two-letter language tag', () => {
    expect(slugOf(ARTICLE_FILE)).toBe(ARTICLE_SLUG);
    expect(slugOf('report.txt')).toBe('report');
    expect(slugOf('report.v2.txt')).toBe('report.v2');
  });
});

describe('normalizeText', () => {
  it('composes Hangul to NFC and collapses odd spaces', () => {
    expect(normalizeText('\u1112\u1161\u11AB\u1100\u116E\u11A8\u00A0\u00A0기업\u3000 ')).toBe('한국 기업');
  });
});

describe('segmentation and verbatim text around quotes and odd spaces', () => {
  // Korean news often quotes a full sentence, period inside, followed by 라고/고: one sentence.
  it('keeps a quotation with its own period, followed by 라고, as one sentence', () => {
    expect(splitSentences('김가람 시장은 "정말 기쁩니다. 시민께 감사드립니다"라고 말했다. 다음 문장이다.')).toEqual([
      '김가람 시장은 "정말 기쁩니다. 시민께 감사드립니다"라고 말했다.',
      '다음 문장이다.',
    ]);
  });

  it('never starts a sentence with the quotative particle left behind by a quoted question', () => {
    const sentences = splitSentences('그는 "정말요?"라고 물었다. 모두 웃었다.');
    expect(sentences.some((s) => s.startsWith('라고'))).toBe(false);
  });

  // Cleaning normalises whitespace for its decisions, but a citation must quote the scrape byte for
  // byte: a line with a non-breaking or doubled space keeps them in its sentence text.
  it('keeps sentences verbatim in the raw scrape when a line has a non-breaking or doubled space', () => {
    const scrape = fixtureRaw.replaceAll('행사에는 드론', '행사에는\u00A0드론').replaceAll('시민들은 시', '시민들은  시');
    const doc = buildCorpus(new Map([[FIXTURE_FILE, scrape]])).documents[0]!;
    for (const s of doc.sentences) expect(scrape.includes(s.text), s.text).toBe(true);
  });
});
