import type { Language } from './question.js';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';

/** A written date in English: "May 21, 2022", "21 May", "Feb 6", "on the 21st", "1896". */
const ENGLISH_DATE = new RegExp(
  [
    `\\b${MONTH}(?:\\s+${ORDINAL})?(?:,?\\s+\\d{4})?\\b`,
    // Abbreviated months only with a day, as datelines write them ("LONDON, Feb 6"): "Mar" alone is a word.
    `\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?\\b`,
    `\\b${ORDINAL}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?\\b`,
    // "on the 21st" dates; "the 10th anniversary" counts.
    '\\bon the \\d{1,2}(?:st|nd|rd|th)\\b(?!\\s+(?:century|anniversary|time|round|floor))',
    '\\b(?:1\\d{3}|20\\d{2})s?\\b',
  ].join('|'),
  'u',
);

/** A written date in Korean: "2022년 5월 21일", "지난해 11월", "21일". A year named only relative to now ("올해") is left out. */
const KOREAN_DATE = /(?:(?:지난해|작년|올해|내년|\d{4}\s*년)\s*)?(?:\d{1,2}\s*월\s*)?\d{1,2}\s*일(?![가-힣])|(?:(?:지난해|작년|올해|내년|\d{4}\s*년)\s*)?\d{1,2}\s*월(?![가-힣])|\d{4}\s*년(?:\s*\d{1,2}\s*월)?/u;

/**
 * The first concrete date a sentence states, to open the answer to a "when" question with it
 * ("21일: …", "On the 21st: …"). Words that only point at a date told elsewhere (이날, "that day")
 * are no answer, and a bare "올해" or "this year" is as often the time of writing as the time asked
 * about ("올해가 발효 10주년"), so they give none.
 */
export function dateLead(text: string, language: Language): string | null {
  const match = (language === 'ko' ? KOREAN_DATE : ENGLISH_DATE).exec(text)?.[0].trim();
  if (!match) return null;
  return language === 'en' ? match.charAt(0).toUpperCase() + match.slice(1) : match;
}

/** "언제까지?", "until when?" ask when something ends; "언제부터?", "from when?" when it starts. */
const ASKS_UNTIL = /언제\s*까지|\b(?:until|till|by) when\b/iu;
const ASKS_FROM = /언제\s*부터|\b(?:from|since|starting) when\b/iu;

/** A time written before 까지 or 부터: "내년 말", "12월 31일", "3월", "다음 달 1일", "연말". */
const KOREAN_TIME = String.raw`(?:(?:다음|이번|지난)\s*(?:달|주)(?:\s*\d{1,2}\s*일)?|내달(?:\s*\d{1,2}\s*일)?|(?:지난해|작년|올해|내년|\d{4}\s*년)\s*(?:말|초|상반기|하반기|\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?)?|(?:\d{1,2}\s*월\s*)?\d{1,2}\s*일|\d{1,2}\s*월(?:\s*(?:말|초))?|연말|월말)`;
const KOREAN_UNTIL = new RegExp(`${KOREAN_TIME}(?=\\s*까지)`, 'u');
const KOREAN_FROM = new RegExp(`${KOREAN_TIME}(?=\\s*부터)`, 'u');
const ENGLISH_TIME = `(?:the end of\\s+)?(?:(?:next|this|last)\\s+(?:year|month|week)|${MONTH}(?:\\s+${ORDINAL})?(?:,?\\s+\\d{4})?|(?:1\\d{3}|20\\d{2}))`;
const ENGLISH_UNTIL = new RegExp(`\\b(?:until|till|through|by)\\s+${ENGLISH_TIME}\\b`, 'iu');
const ENGLISH_FROM = new RegExp(`\\b(?:from|starting(?: on| in)?|beginning(?: on| in)?|as of)\\s+${ENGLISH_TIME}\\b`, 'iu');

/**
 * For "언제까지 …?" / "until when …?": the time the sentence says something lasts until ("내년 말");
 * for "언제부터 …?" / "from when …?": the time it starts ("내년 3월"). Null otherwise, or when the
 * sentence states none (the caller falls back to {@link dateLead}).
 */
export function startOrEndLead(question: string, text: string, language: Language): string | null {
  const pattern = ASKS_UNTIL.test(question) ? (language === 'ko' ? KOREAN_UNTIL : ENGLISH_UNTIL) : ASKS_FROM.test(question) ? (language === 'ko' ? KOREAN_FROM : ENGLISH_FROM) : null;
  const match = pattern?.exec(text)?.[0].trim();
  if (!match) return null;
  return language === 'en' ? match.charAt(0).toUpperCase() + match.slice(1) : match;
}
