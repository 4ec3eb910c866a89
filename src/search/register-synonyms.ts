/**
 * Words people type in chat for what news prose writes another way (`작년` for `지난해`): general Korean,
 * not any article's. Each group is one meaning; a question word of a group also matches the others.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['작년', '지난해'],
  ['금년', '올해'],
  ['요즘', '최근'],
];

const BY_WORD = new Map<string, readonly string[]>(GROUPS.flatMap((group) => group.map((word) => [word, group.filter((other) => other !== word)] as const)));

/** The other words of a question word's register group (keys as analysed), or none. */
export function registerSynonyms(key: string): readonly string[] {
  return BY_WORD.get(key) ?? [];
}
