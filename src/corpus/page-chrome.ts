/**
 * What web pages put around an article, in Korean and English: widget labels, bylines, time
 * stamps, copyright footers and "related stories" lists. General to news sites, not to one article.
 */

/** Buttons and widget labels, compared in lower case. */
const WIDGET_LABELS = new Set([
  '기사 스크랩', '스크랩', '공유', '공유하기', '댓글', '클린뷰', '프린트', '인쇄', '글자크기',
  '글씨크기', '좋아요', '구독', '기사 저장', '북마크', '본문 듣기', '번역', '닫기', '더보기',
  'skip to main content', 'skip to content', 'skip to navigation', 'menu', 'main menu', 'search', 'close', 'home',
  'share', 'share this', 'share this article', 'share this story', 'facebook', 'twitter', 'x', 'email', 'e-mail',
  'linkedin', 'whatsapp', 'reddit', 'pinterest', 'print', 'copy link', 'link copied', 'comments', 'comment',
  'advertisement', 'sponsored', 'subscribe', 'sign in', 'sign up', 'log in', 'register', 'newsletter',
  'listen', 'listen to this article', 'save', 'save article', 'bookmark', 'follow', 'read more', 'show more',
  'back to top', 'accept all cookies', 'cookie settings',
]);

/** A time stamp or reading time: "Published March 4, 2025 · 4 min read", "입력 2022.05.21 15:00". */
const TIME_STAMP = /^(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?[\s:]+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|today|yesterday).{0,70}|.{0,60}\b\d+\s*min(?:ute)?s?\s+read|(?:입력|수정|송고|등록|승인|업데이트)(?:시간)?\s*[:：]?\s*\d{2,4}[.\-/년].{0,40})$/iu;

/** A copyright footer: "© 2025 The Herald. All rights reserved.", "저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지". */
const COPYRIGHT = /^(?:©|ⓒ|\(c\)\s|copyright\s*(?:©|ⓒ|\(c\)|\d{4}))|\ball rights reserved\.?$|무단\s*전재|재배포\s*금지|저작권자/iu;
/** Longest copyright notice; a longer line is text about copyright. */
const COPYRIGHT_MAX = 120;

/** An English byline: "By Jane Smith", "By Jane Smith and Ali Khan, Staff Reporters" (not a sentence). */
const ENGLISH_BYLINE = /^[Bb][Yy]\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3}(?:\s*(?:,|[Aa][Nn][Dd]|&)\s*[\p{L}\s,&'.-]{0,60})?$/u;

/** Headers of the lists of other stories that close a page. */
const TRAILING_LIST = /^(?:related(?:\s+(?:stories|articles|news|coverage|content))?|more (?:from|on|stories)\b.{0,40}|recommended(?:\s+(?:stories|for you))?|most (?:read|popular|viewed)|you may also like|관련\s*기사|관련\s*뉴스|많이\s*본\s*(?:뉴스|기사)|추천\s*기사|인기\s*기사|함께\s*볼?\s*만한\s*(?:뉴스|기사))$/iu;

/** The holder named by an English copyright line: "© 2025 The Herald. All rights reserved." → "The Herald". */
const COPYRIGHT_HOLDER = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?<holder>\p{L}[^.,©]{1,50}?)\.?\s*(?:all rights reserved\.?)?$/iu;

/** True for a widget label or a time stamp (copyright lines: {@link copyrightLine}). */
export function isPageChrome(line: string): boolean {
  return WIDGET_LABELS.has(line.toLowerCase()) || TIME_STAMP.test(line);
}

/** For a copyright line, the holder it names (null when it names none); undefined for any other line. */
export function copyrightLine(line: string): string | null | undefined {
  if (line.length > COPYRIGHT_MAX || !COPYRIGHT.test(line)) return undefined;
  return COPYRIGHT_HOLDER.exec(line)?.groups?.holder?.trim() ?? null;
}

/** True for an English byline line; Korean sign-offs are read with the publisher (see clean.ts). */
export function isEnglishByline(line: string, endsLikeSentence: boolean): boolean {
  return !endsLikeSentence && line.length <= 100 && ENGLISH_BYLINE.test(line);
}

/** True for the header of a closing list of other stories ("Related stories", "관련 기사"). */
export function startsTrailingList(line: string): boolean {
  return TRAILING_LIST.test(line);
}
