import type { Block } from './types.js';

/** Buttons and widgets that scrapes of Korean news pages carry around the article body. */
const PAGE_CHROME = new Set([
  '기사 스크랩', '스크랩', '공유', '공유하기', '댓글', '클린뷰', '프린트', '인쇄', '글자크기',
  '글씨크기', '좋아요', '구독', '기사 저장', '북마크', '본문 듣기', '번역', '닫기', '더보기',
]);

const SECTION_MARKER = /^[◇◆■□▲△▶▷●○]\s*/u;
const ONLY_PUNCTUATION = /^[\p{P}\p{S}\s]*$/u;
/** `/연합뉴스`, `(끝)`, `홍길동 기자 gildong@yna.co.kr` and similar sign-offs. */
const BYLINE = /^(?:\/\s*(?<slash>[^\s/]{1,20})|\((?:끝|end)\)|\S{2,4}\s*기자(?:\s+\S+@\S+)?|\S+@\S+\.\S+)$/iu;
/** A line that ends like a sentence: terminal punctuation, optionally followed by a closing quote. */
const ENDS_LIKE_SENTENCE = /[.?!。…]["'”’」』)]*$/u;

/** Whitespace and Unicode normalisation shared by cleaning and search. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/[\u00A0\u2000-\u200B\u3000\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Result of cleaning a raw scrape. */
export interface CleanedScrape {
  blocks: Block[];
  publisher: string | null;
}

/**
 * Turns a raw web scrape into article blocks: drops page chrome, lone punctuation and the byline,
 * keeps each distinct line once (scrapes often carry the body twice) and labels the structure:
 * headline, sub-headlines before the body, `◇` section heads, paragraphs.
 */
export function cleanScrape(raw: string): CleanedScrape {
  const seen = new Set<string>();
  const blocks: Block[] = [];
  let publisher: string | null = null;
  let bodyStarted = false;

  for (const rawLine of raw.replace(/\r\n?/g, '\n').split('\n')) {
    // `line` decides (chrome? seen before? heading?); `text` is kept exactly as written, so quotes stay verbatim.
    const line = normalizeText(rawLine);
    const text = rawLine.trim();
    if (line === '' || ONLY_PUNCTUATION.test(line) || PAGE_CHROME.has(line)) continue;
    const byline = BYLINE.exec(line);
    if (byline) {
      publisher ??= byline.groups?.slash ?? null;
      continue;
    }
    if (seen.has(line)) continue;
    seen.add(line);

    if (blocks.length === 0) {
      blocks.push({ kind: 'headline', text });
    } else if (SECTION_MARKER.test(line)) {
      bodyStarted = true;
      blocks.push({ kind: 'section', text: text.replace(SECTION_MARKER, '') });
    } else if (!bodyStarted && !ENDS_LIKE_SENTENCE.test(line)) {
      blocks.push({ kind: 'subheadline', text });
    } else {
      bodyStarted = true;
      blocks.push({ kind: 'paragraph', text });
    }
  }
  return { blocks, publisher };
}
