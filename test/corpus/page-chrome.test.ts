import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanScrape } from '../../src/corpus/clean.js';
import { copyrightLine, isEnglishByline, isPageChrome, startsTrailingList } from '../../src/corpus/page-chrome.js';

describe('page chrome', () => {
  it('knows widget labels and time stamps in both languages, in any case', () => {
    for (const line of ['Skip to main content', 'SHARE', 'Advertisement', '기사 스크랩', 'Published March 4, 2025 · 4 min read', 'Updated 10:32 GMT', '5 min read', '입력 2022.05.21 15:00', '송고시간2022-05-21 16:12']) {
      expect(isPageChrome(line), line).toBe(true);
    }
  });

  it('leaves article lines alone, even ones that start like a time stamp or a widget', () => {
    for (const line of ['Share prices fell 3% on Monday.', 'Published reports say the mayor will resign.', 'Search teams found the boat at dawn.', '입력된 자료는 삭제됐다.']) {
      expect(isPageChrome(line), line).toBe(false);
    }
  });

  it('reads the holder of an English copyright line, and knows a Korean one without naming a holder', () => {
    expect(copyrightLine('© 2025 Port Ellison Herald.')).toBe('Port Ellison Herald');
    expect(copyrightLine('Copyright 2019-2024 The Daily Star. All rights reserved.')).toBe('The Daily Star');
    expect(copyrightLine('All rights reserved.')).toBeNull();
    expect(copyrightLine('저작권자(c) 연합뉴스, 무단 전재-재배포 금지')).toBeNull();
    expect(copyrightLine('The copyright case went to court.')).toBeUndefined();
    expect(copyrightLine('Copyright law gives authors exclusive rights, and all rights reserved by an author last for decades after their death, which courts have upheld.')).toBeUndefined();
  });

  it('knows an English byline, not a sentence that opens with "By"', () => {
    expect(isEnglishByline('By Dana Whitfield, Staff Reporter', false)).toBe(true);
    expect(isEnglishByline('BY JANE SMITH AND ALI KHAN', false)).toBe(true);
    expect(isEnglishByline('By Monday, officials had reopened the bridge.', true)).toBe(false);
    expect(isEnglishByline('By 2030 the tunnel should be open', false)).toBe(false);
  });

  it('knows the header of a closing list of other stories', () => {
    for (const line of ['Related stories', 'More from Business', 'Most read', '관련 기사', '많이 본 뉴스']) expect(startsTrailingList(line), line).toBe(true);
    expect(startsTrailingList('Related companies also reported losses.')).toBe(false);
  });
});

describe('cleaning an English web page', () => {
  const raw = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'harbor-bridge.en.txt'), 'utf8');
  const { blocks, publisher } = cleanScrape(raw);

  it('drops menus, share buttons, byline, time stamp, advertisement, related stories and copyright', () => {
    const texts = blocks.map((b) => b.text);
    for (const chrome of ['Skip to main content', 'Menu', 'Share', 'Twitter', 'By Dana Whitfield', 'Published March', 'Advertisement', 'Related stories', 'Port Ellison votes on new ferry schedule', '© 2025', 'All rights reserved.']) {
      expect(texts.some((t) => t.includes(chrome)), chrome).toBe(false);
    }
  });

  it('finds the headline, the sub-headline, the section heads and every body sentence', () => {
    expect(blocks.map((b) => b.kind)).toEqual(['headline', 'subheadline', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'section', 'paragraph', 'paragraph', 'paragraph', 'section', 'paragraph', 'paragraph']);
    expect(blocks[0]!.text).toBe('Harbor Bridge reopens after two-year repair, city says traffic will ease');
    expect(blocks.at(-1)!.text).toBe('Critics, including council member Victor Hale, said the tunnel plan has no funding yet.');
  });

  it('reads the publisher from the copyright line and keeps every block verbatim at its offsets', () => {
    expect(publisher).toBe('Port Ellison Herald');
    for (const b of blocks) expect(raw.slice(b.start, b.end)).toBe(b.text);
  });
});
