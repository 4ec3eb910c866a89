/**
 * The words of a claim check, in the language of each statement: verdict labels and what differs.
 * Shared by the command line and the bot, which add only their own layout.
 *
 * @module
 */
import type { Difference, Verdict } from './claims.js';
import type { Language } from './question.js';

/** Verdict labels, per language. */
export const VERDICT_LABELS: Record<Verdict, Record<Language, string>> = {
  supported: { ko: '기사와 일치', en: 'Supported' },
  contradicted: { ko: '기사는 다르게 말함', en: 'The article says otherwise' },
  'not-in-article': { ko: '기사에 없음', en: 'Not in the article' },
};

/** A sign per verdict, for a glance down a list. */
export const VERDICT_SIGNS: Record<Verdict, string> = { supported: '✅', contradicted: '❌', 'not-in-article': '❔' };

/** Heading of the closest sentence offered for a statement the article does not cover. */
export function relatedLabel(language: Language): string {
  return language === 'ko' ? '가장 가까운 문장 (관련 문장일 뿐 근거는 아님)' : 'Closest sentence (related, not support)';
}

const list = (items: readonly string[], language: Language) => (language === 'ko' ? items.join(', ') : items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

/** What differs, in one sentence: "The article says 3개, not 5곳." */
export function describeDifference(difference: Difference, language: Language): string {
  const article = list(difference.article, language);
  const ko = language === 'ko';
  switch (difference.kind) {
    case 'number':
      return ko ? `기사에는 ${article}(으)로 나옵니다 (주장: ${difference.claim}).` : `The article says ${article}, not ${difference.claim}.`;
    case 'name':
      return ko ? `기사에 나오는 것은 ${article}입니다 (주장: ${difference.claim}).` : `The article names ${article}, not ${difference.claim}.`;
    case 'term':
      return ko ? `기사에는 "${article}"(이)라고 나옵니다 (주장: "${difference.claim}").` : `The article says "${article}", not "${difference.claim}".`;
    case 'negation':
      if (difference.article.length > 0) return ko ? `기사에는 "${article}"(이)라고 부정돼 있습니다.` : `The article says the opposite ("${article}").`;
      return ko ? `기사는 부정하지 않고 그렇다고 말합니다 (주장: "${difference.claim}").` : `The article says it is so, without "${difference.claim}".`;
  }
}

/** Note on statements left unchecked. */
export function omittedNote(omitted: number, max: number, language: Language): string {
  return language === 'ko' ? `한 번에 ${max}개까지만 확인합니다. 나머지 ${omitted}개 문장은 확인하지 않았습니다.` : `Only ${max} statements are checked at a time; ${omitted} more ${omitted === 1 ? 'was' : 'were'} left unchecked.`;
}

/** When a text holds nothing to check. */
export function nothingToCheck(language: Language): string {
  return language === 'ko' ? '확인할 만한 문장이 없습니다. 기사 내용에 대한 주장을 한 문장 이상 적어 주세요.' : 'There is no statement to check here: write at least one sentence that says something about the article.';
}
