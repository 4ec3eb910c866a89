/**
 * `/source` autocomplete at scale: how long one keystroke takes over a synthetic corpus of n
 * sentences (default 400,000, in documents of 10–39 sentences as the scale benchmark makes them).
 *
 *   npx tsx bench/autocomplete.ts [sentences]
 *
 * Types a few ids, Korean and English words one character at a time, and text that matches
 * nothing; prints the time of every keystroke (median of 5) and the slowest. Discord wants the
 * autocomplete answer within 3 s, and the bot's other interactions wait while it runs.
 */
import { performance } from 'node:perf_hooks';
import type { Sentence } from '../src/corpus/types.js';
import { SentenceIndex } from '../src/discord/sentences.js';
import type { Passage } from '../src/search/passages.js';
import { loadArticleProfile } from './inputs.js';
import { SyntheticNews } from './synthetic.js';

const size = Number(process.argv[2] ?? 400_000);
const news = new SyntheticNews(await loadArticleProfile());
const passages: Passage[] = [];
const ordinals = new Map<number, number>();
for (let i = 0; i < size; i++) {
  const { text, document } = news.next();
  const ordinal = (ordinals.get(document) ?? 0) + 1;
  ordinals.set(document, ordinal);
  const sentence: Sentence = { id: `S${ordinal}`, document: `doc-${document}`, ordinal, text, start: 0, end: text.length, kind: 'paragraph', block: ordinal, section: null };
  passages.push({ key: `doc-${document}#S${ordinal}`, sentence, searchText: text, tokenList: [], tokens: new Set(), wordKeys: [] });
}
const documents = [...ordinals.keys()].map((d) => ({ slug: `doc-${d}`, title: `Document ${d}`, publisher: null }));

const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const index = new SentenceIndex(passages, documents);
index.suggest('');
const setupMs = performance.now() - started;
const heapAfter = process.memoryUsage().heapUsed;

/** Every prefix of a word: what Discord sends as the user types it. */
const keystrokes = (word: string) => [...word].map((_, i) => [...word].slice(0, i + 1).join(''));
// A frequent Korean word and an English one from the corpus itself, so that they match.
const korean = passages.find((p) => /[가-힣]{3}/u.test(p.sentence.text))!.sentence.text.match(/[가-힣]{3,}/u)![0];
const english = passages.find((p) => /[a-z]{6}/.test(p.sentence.text))!.sentence.text.match(/[a-z]{6,}/)![0];
const typed = [...keystrokes('S12'), ...keystrokes(korean), ...keystrokes(english), ...keystrokes('zqxj 없는말')];

const rows: { typed: string; ms: number; choices: number }[] = [];
for (const text of typed) {
  const times: number[] = [];
  let choices = 0;
  for (let r = 0; r < 5; r++) {
    started = performance.now();
    choices = index.suggest(text).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push({ typed: text, ms: times[2]!, choices });
}
console.log(`${size.toLocaleString('en')} sentences in ${documents.length.toLocaleString('en')} documents; index set-up ${setupMs.toFixed(0)} ms, heap +${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB`);
for (const r of rows) console.log(`${JSON.stringify(r.typed).padEnd(16)} ${r.ms.toFixed(2).padStart(9)} ms  ${r.choices} choices`);
const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log(`slowest keystroke: ${slowest.ms.toFixed(1)} ms (${JSON.stringify(slowest.typed)}); median ${[...rows].sort((a, b) => a.ms - b.ms)[rows.length >> 1]!.ms.toFixed(2)} ms`);
