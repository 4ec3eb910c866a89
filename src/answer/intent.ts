import type { Passage } from '../search/passages.js';

/** What kind of answer a question wants. */
export type Intent = 'how-many' | 'when' | 'where' | 'who' | 'list' | 'why' | 'how' | 'what';

/** Checked in order: the first that matches wins ("how many" before "how", "어디어디" before "어디"). */
const QUESTION_PATTERNS: [Intent, RegExp][] = [
  ['how-many', /몇\s*(?:명|곳|개|군데|번|회|주년|개국|사|퍼센트|시간|년)|얼마|숫자|\bhow (?:many|much|long|often)\b|\bnumber of\b|\bcount\b|\bwhat percent|자주|몇\s*번/i],
  ['when', /언제|며칠|몇\s*일|몇\s*월|몇\s*년|날짜|시기|\bwhen\b|\bwhat (?:day|date|time|year|month)\b|\bwhich (?:day|date)\b/i],
  ['list', /어디어디|뭐뭐|무엇무엇|목록|리스트|명단|전부|모두\s*알려|어떤\s*(?:기업|회사|업체|분야|의제)|\bwhich (?:\w+ )?(?:companies|firms|topics|issues|sectors|industries|areas)\b|\blist\b|\bname (?:the|all)\b|\bwhat (?:companies|topics|issues|sectors|industries)\b/i],
  ['where', /어디|장소|어느\s*(?:호텔|곳|도시|장소)|\bwhere\b|\bwhich (?:hotel|city|venue|place)\b|\bvenue\b|\blocation\b/i],
  ['who', /누구|누가|누군|참석자|대표로|\bwho\b|\bwhom\b|\bwhose\b/i],
  ['why', /왜|이유|까닭|계기|\bwhy\b|\breason\b|\bprompted\b/i],
  ['how', /어떻게|어떤\s*방식|\bhow\b/i],
];

/** Classifies a question by the kind of answer it wants; `what` when nothing more specific fits. */
export function detectIntent(question: string): Intent {
  for (const [intent, pattern] of QUESTION_PATTERNS) if (pattern.test(question)) return intent;
  return 'what';
}

/** What a sentence that answers each kind of question tends to contain. */
const ANSWER_PATTERNS: Partial<Record<Intent, RegExp>> = {
  'how-many': /\d+\s*(?:곳|개|명|회|주년|개국)|유일한|\b(?:eight|sixteen|16|8|10th|once a year|only|sole)\b/i,
  when: /\d+\s*(?:일|월|년)|이날|지난해|올해|매년|\bthe same day\b|\bthat day\b|연\s*\d+\s*회|\bon the \d+(?:st|nd|rd|th)\b|\blast year\b|\bthis year\b|\bevery year\b|\bannual(?:ly)?\b|\bNovember\b/i,
  where: /호텔|앰베서더|\bhotel\b|\bSofitel\b/i,
  who: /장관|회장|사장|본부장|대통령|\bminister\b|\bsecretary\b|\bchairman\b|\bpresident\b/i,
  list: /(?:[^,·]+[,·]){3,}/,
};

/**
 * A small bonus for sentences shaped like an answer to the question's intent, and a small penalty
 * for headings, which repeat the body in fewer words.
 */
/** True when the passage has the shape the intent asks for (a date for "when"); true for intents without one. */
export function hasAnswerShape(intent: Intent, passage: Passage): boolean {
  const pattern = ANSWER_PATTERNS[intent];
  if (!pattern || intent === 'list') return true;
  return pattern.test(passage.sentence.text) || (passage.translation !== undefined && pattern.test(passage.translation));
}

export function intentBoost(intent: Intent, passage: Passage): number {
  const pattern = ANSWER_PATTERNS[intent];
  const shaped = pattern && (pattern.test(passage.sentence.text) || (passage.translation !== undefined && pattern.test(passage.translation)));
  const heading = passage.sentence.kind !== 'paragraph';
  return (shaped ? 0.06 : 0) - (heading ? 0.05 : 0);
}
