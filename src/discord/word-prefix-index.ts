/**
 * Finding texts by what someone has typed so far, from the start of their words, without reading
 * every text on every keystroke.
 *
 * @module
 */

/** A word: a run of letters, marks and digits (`(MOU)를` has the words `mou` and `를`). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]/u;

/** The lower-cased words of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Whether the code point that ends at `at` (handling a surrogate pair) is a word character. */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const unit = text.charCodeAt(at - 1);
  const start = unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return WORD_CHAR.test(text.slice(start, at));
}

/**
 * Whether `text` contains `query` where a word starts (or where the query itself starts with a
 * space or punctuation). Both are expected lower-cased.
 */
export function containsAtWordStart(text: string, query: string): boolean {
  if (query === '') return true;
  const needsBoundary = WORD_CHAR.test(query);
  for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at + 1)) {
    if (!needsBoundary || !wordCharBefore(text, at)) return true;
  }
  return false;
}

/** For each UTF-16 code unit: 1 when it is a word character, 2 for a surrogate (decided with its pair). */
let wordUnits: Uint8Array | undefined;
function wordUnitTable(): Uint8Array {
  if (!wordUnits) {
    wordUnits = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) wordUnits[unit] = 2;
      else if (WORD_CHAR.test(String.fromCharCode(unit))) wordUnits[unit] = 1;
    }
  }
  return wordUnits;
}

/** A growable array of 32-bit integers. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Gives each distinct word a number. Words are found by scanning the text's code units and looked
 * up by two 32-bit hashes (FNV-1a and a murmur-style one: a false match needs both to collide, about
 * 1 in 10^8 for a million words, and would only hide one word from suggestions) in an
 * open-addressing table of typed arrays, so no string is cut or compared for a word already seen. A `Map` keyed by the words took about twice as long at
 * 400,000 sentences: the time goes to memory look-ups, one per word here.
 */
class Vocabulary {
  readonly words: string[] = [];
  /** Per slot: first hash, second hash, word id + 1 (0: empty). */
  private slots = new Uint32Array(3 << 16);

  /** Calls `visit` with the id of every word of `text` (the words {@link wordsOf} finds, if `text` is lower-cased). */
  scan(text: string, visit: (id: number) => void): void {
    const table = wordUnitTable();
    let start = -1;
    let first = 0;
    let second = 0;
    for (let i = 0; i <= text.length; i++) {
      const unit = i < text.length ? text.charCodeAt(i) : 0;
      let kind = table[unit]!;
      let width = 1;
      if (kind === 2) {
        const point = text.codePointAt(i)!;
        width = point > 0xffff ? 2 : 1;
        kind = WORD_CHAR.test(String.fromCodePoint(point)) ? 1 : 0;
      }
      if (kind === 1) {
        if (start === -1) {
          start = i;
          first = 0x811c9dc5;
          second = 0;
        }
        for (let k = 0; k < width; k++) {
          const code = text.charCodeAt(i + k);
          first = Math.imul(first ^ code, 0x01000193);
          second = Math.imul(second ^ code, 0x85ebca6b);
          second ^= second >>> 13;
        }
      } else if (start !== -1) {
        visit(this.id(text, start, i, first >>> 0, second >>> 0));
        start = -1;
      }
      i += width - 1;
    }
  }

  /** The id of a word known to be in the vocabulary. */
  find(word: string): number {
    let found = -1;
    this.scan(word, (id) => (found = id));
    return found;
  }

  private id(text: string, start: number, end: number, first: number, second: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let slot = first & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const stored = slots[at + 2]!;
      if (stored === 0) {
        slots[at] = first;
        slots[at + 1] = second;
        slots[at + 2] = this.words.length + 1;
        this.words.push(text.slice(start, end));
        if (this.words.length * 2 > slots.length / 3) this.grow();
        return this.words.length - 1;
      }
      if (slots[at] === first && slots[at + 1] === second) return stored - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    const mask = this.slots.length / 3 - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      let slot = old[at]! & mask;
      while (this.slots[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + 3), slot * 3);
    }
  }
}

/** First index in the sorted `words` whose word is ≥ `key` (UTF-16 order, as `Array#sort`). */
function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index at or after `from` whose word does not start with `prefix` (they are contiguous when sorted). */
function endOfPrefix(words: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An inverted index from words to the texts that contain them. The distinct words are kept sorted,
 * so the words that start with what was typed form one range; their posting lists (text numbers,
 * ascending) sit next to each other in one array, so the size of a range is known at once.
 * Memory: one 32-bit number per distinct word of each text, plus the vocabulary.
 */
export class WordPrefixIndex {
  /** Distinct words, sorted. */
  private readonly words: string[];
  /** Posting list of `words[w]`: `postings[starts[w]]` up to `postings[starts[w + 1]]`. */
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;

  /** Indexes `texts`; a text is known by its position in the list. */
  constructor(texts: readonly string[]) {
    const vocabulary = new Vocabulary();
    /** Per word id: how many texts have it, and the last text that counted it (a word counts once per text). */
    const counts = new IntList();
    const lastText = new IntList();
    /** The word ids of each text, one after the other; `ends[t]` is where text t's end. */
    const pairs = new IntList();
    const ends = new Uint32Array(texts.length);
    for (let t = 0; t < texts.length; t++) {
      vocabulary.scan(texts[t]!.toLowerCase(), (id) => {
        if (id === counts.length) {
          counts.push(0);
          lastText.push(-1);
        }
        if (lastText.data[id] === t) return;
        lastText.data[id] = t;
        counts.data[id]!++;
        pairs.push(id);
      });
      ends[t] = pairs.length;
    }

    this.words = vocabulary.words.slice().sort();
    const rankOf = new Uint32Array(this.words.length);
    this.starts = new Uint32Array(this.words.length + 1);
    this.words.forEach((word, rank) => {
      const id = vocabulary.find(word);
      rankOf[id] = rank;
      this.starts[rank + 1] = this.starts[rank]! + counts.data[id]!;
    });
    this.postings = new Uint32Array(pairs.length);
    const next = this.starts.slice(0, this.words.length);
    let from = 0;
    for (let t = 0; t < texts.length; t++) {
      for (let i = from; i < ends[t]!; i++) this.postings[next[rankOf[pairs.data[i]!]!]!++] = t;
      from = ends[t]!;
    }
  }

  /** The range of words equal to `word`, or starting with it when `prefix`. */
  private range(word: string, prefix: boolean): [number, number] {
    const lo = lowerBound(this.words, word);
    if (!prefix) return this.words[lo] === word ? [lo, lo + 1] : [lo, lo];
    return [lo, endOfPrefix(this.words, word, lo)];
  }

  /** How many (text, word) entries a look-up of `word` would go through: a cost, and 0 when nothing matches. */
  count(word: string, prefix: boolean): number {
    const [lo, hi] = this.range(word, prefix);
    return this.starts[hi]! - this.starts[lo]!;
  }

  /**
   * The texts that have the word `word` (or, with `prefix`, a word starting with it), ascending,
   * each once. Merges the posting lists of the matching words lazily, so taking the first n costs
   * about n steps plus one per matching word, whatever the number of texts.
   */
  *matching(word: string, prefix: boolean): Generator<number> {
    const [lo, hi] = this.range(word, prefix);
    if (hi - lo === 1) {
      for (let i = this.starts[lo]!; i < this.starts[hi]!; i++) yield this.postings[i]!;
      return;
    }
    // A min-heap of cursors into the posting lists of the words in range, keyed by the text they point at.
    const cursor = Uint32Array.from({ length: hi - lo }, (_, k) => this.starts[lo + k]!);
    const end = (k: number) => this.starts[lo + k + 1]!;
    const key = (k: number) => this.postings[cursor[k]!]!;
    const heap: number[] = [];
    for (let k = 0; k < hi - lo; k++) if (cursor[k]! < end(k)) heap.push(k);
    const down = (from: number) => {
      for (let i = from; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < heap.length && key(heap[l]!) < key(heap[least]!)) least = l;
        if (r < heap.length && key(heap[r]!) < key(heap[least]!)) least = r;
        if (least === i) return;
        [heap[i], heap[least]] = [heap[least]!, heap[i]!];
        i = least;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    let last = -1;
    while (heap.length > 0) {
      const top = heap[0]!;
      const text = key(top);
      if (text !== last) yield (last = text);
      cursor[top]!++;
      if (cursor[top]! < end(top)) down(0);
      else {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
        down(0);
      }
    }
  }
}
