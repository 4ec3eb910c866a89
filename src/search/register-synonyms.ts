/**
 * Words people type for what news prose writes another way: Korean chat words (`작년` for `지난해`, `늘었어` for `증가`) and
 * English words news uses interchangeably (`firm` for `company`, `pact` for `agreement`). General
 * language, not any article's. Each group is one meaning, written as analysed keys (Porter stems for
 * English), a phrase as its keys with spaces (`chief execut`); a question word of a group also matches
 * the others.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['작년', '지난해'],
  ['금년', '올해'],
  ['요즘', '최근'],
  ['같이', '함께'],
  ['compani', 'firm', 'corpor'],
  ['agreement', 'pact', 'accord'],
  ['factori', 'plant', 'facil'],
  ['nation', 'countri'],
  ['cooper', 'collabor'],
  ['chief', 'head', 'boss'],
  ['increas', 'rise', 'boost'],
  ['reduc', 'cut', 'lower'],
  ['cost', 'price'],
  ['kid', 'child', 'children'],
  ['ceo', 'chief execut'],
];

const BY_WORD = new Map<string, readonly string[]>(GROUPS.flatMap((group) => group.map((word) => [word, group.filter((other) => other !== word)] as const)));

/**
 * Korean verbs of change and of the events news counts, as people type them inflected (`늘었어`,
 * `줄어든`, `올랐대`, `다친`, `숨진`, `잡혔어`), and the Sino-Korean noun news writes for each (`증가`,
 * `감소`, `상승`, `하락`, `부상`, `사망`, `체포`). 내리다 stays out: rain 내린다 too.
 */
const VERBS_AS_NEWS_NOUNS: ReadonlyArray<[RegExp, string]> = [
  [/^늘(?:었|어|린|려|리|고|면|다|지)/u, '증가'],
  [/^줄(?:었|어|인|여|이|고|면|다|지)/u, '감소'],
  [/^(?:올랐|올라|오른|오르)/u, '상승'],
  [/^떨어/u, '하락'],
  [/^다(?:친|쳤|쳐)/u, '부상'],
  [/^(?:죽(?:은|었|어)|숨(?:진|졌|지))/u, '사망'],
  [/^잡(?:힌|혔|혀)/u, '체포'],
];

/** The other words of a question word's register group (keys as analysed; a phrase's keys joined by spaces), or none. */
export function registerSynonyms(key: string): readonly string[] {
  const asNoun = VERBS_AS_NEWS_NOUNS.find(([verb]) => verb.test(key));
  return asNoun ? [asNoun[1]] : (BY_WORD.get(key) ?? []);
}
