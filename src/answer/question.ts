/** Longest question accepted, in characters (Discord allows 6,000 in an option; answers need far less). */
export const MAX_QUESTION_LENGTH = 500;

/** Language of a question, which is also the language of its answer. */
export type Language = 'ko' | 'en';

/** Why a question was refused, with a message fit to show the user (in both languages). */
export interface QuestionProblem {
  code: 'empty' | 'too-long' | 'no-words';
  message: string;
}

export type QuestionCheck = { ok: true; question: string } | { ok: false; problem: QuestionProblem };

const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** What each refusal says, in Korean and English. */
export const QUESTION_PROBLEMS: Readonly<Record<QuestionProblem['code'], string>> = {
  empty: '질문이 비어 있습니다. 기사에 대해 궁금한 점을 적어 주세요. / The question is empty: ask something about the article.',
  'too-long': `질문이 너무 깁니다 (${MAX_QUESTION_LENGTH}자 이내). / The question is too long: please keep it under ${MAX_QUESTION_LENGTH} characters.`,
  'no-words': '질문에 글자가 없습니다. 숫자나 이모지만으로는 물을 수 없어요, 단어로 물어봐 주세요. / The question has no letters in it: numbers or emoji alone are not a question, please ask in words.',
};

const refuse = (code: QuestionProblem['code']): QuestionCheck => ({ ok: false, problem: { code, message: QUESTION_PROBLEMS[code] } });

/**
 * Cleans a raw question (control and format characters become spaces, whitespace collapses) and
 * refuses what cannot be a question: nothing left, longer than {@link MAX_QUESTION_LENGTH}, or
 * no letter at all (emoji, keycaps like 1️⃣, bare numbers like -1, punctuation).
 */
export function checkQuestion(raw: string): QuestionCheck {
  const question = raw.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (question === '') return refuse('empty');
  if ([...question].length > MAX_QUESTION_LENGTH) return refuse('too-long');
  if (!/\p{L}/u.test(question)) return refuse('no-words');
  return { ok: true, question };
}

/** An English question word, auxiliary or request opening the question ("Who came from 한빛전자?"). */
const ENGLISH_OPENING = /^[^\p{L}]*(?:what|which|who|whom|whose|where|when|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|tell|list|name|show|give|summari[sz]e)\b/iu;

/**
 * The language the question is written in, by its grammar where the scripts mix: English when it
 * opens with an English question word, Korean when its last word (the predicate) is Korean
 * ("roundtable 누구 옴?"); otherwise by letters, a Hangul syllable counting as two Latin letters.
 */
export function detectLanguage(question: string): Language {
  const hangul = question.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const latin = question.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (hangul === 0) return latin > 0 ? 'en' : 'ko';
  if (latin === 0) return 'ko';
  if (ENGLISH_OPENING.test(question)) return 'en';
  const last = question.replace(/[\p{P}\p{S}\s]+$/u, '').split(/\s+/).at(-1) ?? '';
  if (/\p{Script=Hangul}/u.test(last)) return 'ko';
  return hangul * 2 >= latin ? 'ko' : 'en';
}
