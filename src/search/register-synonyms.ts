/**
 * Words people type for what news prose writes another way: Korean chat words (`작년` for `지난해`) and
 * English words news uses interchangeably (`firm` for `company`, `pact` for `agreement`). General
 * language, not any article's. Each group is one meaning, written as analysed keys (Porter stems for
 * English), a phrase as its keys with spaces (`chief execut`); a question word of a group also matches
 * the others.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['작년', '지난해'],
  ['금년', '올해'],
  ['요즘', '최근'],
  ['compani', 'firm', 'corpor'],
  ['agreement', 'pact', 'accord'],
  ['factori', 'plant', 'facil'],
  ['nation', 'countri'],
  ['cooper', 'collabor'],
  ['chief', 'head', 'boss'],
  ['increas', 'rise', 'boost'],
  ['reduc', 'cut', 'lower'],
  ['cost', 'price'],
  ['ceo', 'chief execut'],
];

const BY_WORD = new Map<string, readonly string[]>(GROUPS.flatMap((group) => group.map((word) => [word, group.filter((other) => other !== word)] as const)));

/** The other words of a question word's register group (keys as analysed; a phrase's keys joined by spaces), or none. */
export function registerSynonyms(key: string): readonly string[] {
  return BY_WORD.get(key) ?? [];
}
