/**
 * Names in a statement or a sentence: people, companies, organisations, places and countries.
 * Known names come from the glossary sidecar, whose entries say their kind; a name the article never
 * uses gets a kind only from the wording around it (a title after a Korean name, `in` before a
 * place, a list of known companies …), and without one it is not treated as a name at all.
 *
 * The cue words below are ordinary Korean and English vocabulary, not knowledge of any article.
 *
 * @module
 */
import type { GlossaryEntry, NameKind } from '../corpus/glossary.js';
import { hyphenVariants, type GlossaryMatch, type GlossaryMatcher } from '../search/glossary.js';
import { foldCase, FUNCTION_WORDS, looksLikeKoreanVerb } from '../search/tokenize.js';

/** A name found in a text. */
export interface NameMention {
  /** What identifies the name across texts: its glossary entry, or its folded spelling when unknown. */
  entry: GlossaryEntry | null;
  key: string;
  /** Null for an unknown name whose kind the wording does not give (it may still take one from a sentence, see {@link namesInSameSlot}). */
  kind: NameKind | null;
  /** True for a capitalised word or a name marked by its context; false for an unseen Korean noun that only might be a name. */
  certain: boolean;
  start: number;
  end: number;
  text: string;
}

/** The end of a cue word: not more letters, though a Korean particle may follow (`관계자도`, `호텔에서`). */
const CUE_END = String.raw`(?=$|[^\p{L}]|(?:은|는|이|가|을|를|의|와|과|도|에|로|으로|에서|만|측)(?:$|[^\p{L}]|\p{Script=Hangul}))`;

/** Heads that make the name before them a place (`애크미호텔`, `Acme Hotel`, `서울역`). */
const PLACE_HEAD = new RegExp(String.raw`^\s?(?:호텔|센터|공항|역|청사|대학교?|광장|빌딩|타워|컨벤션|hotel|center|centre|airport|station|university|hall|tower|plaza|palace)${CUE_END}`, 'iu');
const KOREAN_TITLES = ['대통령', '부통령', '장관', '상무장관', '차관', '회장', '부회장', '사장', '대표', '의원', '총리', '본부장', '위원장', '씨', '여사', '대사', '총재', '의장', '교수', '박사'];
const KOREAN_COMPANY_WORDS = ['관계자', '임원', '임직원', '그룹', '전자', '계열사', '사측', '대표단'];
/** Korean words that mark the name next to them and so are never names themselves (`관계자`, `회장`). */
const KOREAN_CUE_WORDS: ReadonlySet<string> = new Set([...KOREAN_TITLES, ...KOREAN_COMPANY_WORDS]);
/** Korean titles after a person's name (`김민준 대통령`). */
const KOREAN_PERSON_TITLE = new RegExp(String.raw`^\s(?:${KOREAN_TITLES.join('|')})${CUE_END}`, 'u');
/** Korean words after a company's name (`카카오 관계자`). */
const KOREAN_COMPANY_WORD = new RegExp(String.raw`^\s?(?:${KOREAN_COMPANY_WORDS.join('|')})${CUE_END}`, 'u');
/** English titles before a person's name (`President Doe`). */
const ENGLISH_PERSON_TITLE = /(?:president|minister|secretary|chairman|chairwoman|chair|ceo|mr\.?|ms\.?|mrs\.?|dr\.?|ambassador|governor|senator)\s$/iu;
/** English words after a company's name (`Kakao representatives`, `Acme CEO`). */
const ENGLISH_COMPANY_WORD = /^\s(?:representatives?|executives?|officials?|employees?|ceo|chairman|group|corp\.?|corporation|inc\.?|co\.?|ltd\.?|electronics|motors?|(?:was|were|is|are)\s(?:also\s)?(?:among|one\sof)\s(?:the\s)?(?:[\p{L}-]+\s){0,2}(?:companies|firms|businesses|corporations|participants))(?![\p{L}])/iu;
/** English prepositions before a place (`in Busan`, `at the …`). */
const ENGLISH_PLACE_BEFORE = /\b(?:in|at|near)\s(?:the\s)?$/iu;
/** Korean particles of place right after a name (`워싱턴에서`). */
const KOREAN_PLACE_PARTICLE = /^(?:에서|에선|에서는|에서도)(?![\p{L}])/u;
/** What separates the items of a list. */
const LIST_SEPARATOR = /^(?:\s?[,·、/]\s?|,?\s(?:and|or|및)\s|(?:와|과|랑|이랑|하고)\s(?:및\s)?)$/u;

/** Latin forms that are also English function words (`US` / `us`) must be written in capitals to count. */
function isFunctionWordForm(form: string): boolean {
  return FUNCTION_WORDS.has(form.toLowerCase());
}

/** A name followed by a place head is a place whatever the glossary says (`애크미호텔` is a hotel, not the company). */
function placeByHead(text: string, end: number): boolean {
  return PLACE_HEAD.test(text.slice(end));
}

/** How much further than `end` the text follows a longer form of the entry, word by word. */
function longerForm(text: string, start: number, end: number, entry: GlossaryEntry): number {
  const written = foldCase(text.slice(start));
  let best = 0;
  for (const form of [...entry.ko, ...entry.en].map(foldCase)) {
    const words = form.split(' ');
    let length = 0;
    for (const word of words) {
      const next = length === 0 ? word : ` ${word}`;
      if (!written.startsWith(next, length)) break;
      length += next.length;
    }
    if (length > end - start && /^(?:$|[^\p{L}\p{N}])/u.test(written.slice(length))) best = Math.max(best, length - (end - start));
  }
  return best;
}

/** A form written like a name (`Jane Doe`, `애크미전자`), not a description (`Secretary of Transport`, `Acme vice chairman`). */
function nameLike(form: string): boolean {
  return /\p{Script=Hangul}/u.test(form) || form.split(/\s+/u).every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/**
 * Where the text writes an entry as a name: the glossary matcher takes the longest form of an
 * entry, which may be a description of the person (`Secretary of Transport`); a name-like form of
 * the same entry elsewhere in the text (`Jane Doe`) is the name to point at.
 */
function asName(text: string, match: GlossaryMatch): GlossaryMatch {
  const written = text.slice(match.start, match.end);
  if (nameLike(written)) return match;
  const folded = foldCase(text);
  let best: GlossaryMatch | null = null;
  for (const form of match.entry.en.filter(nameLike).map(foldCase)) {
    for (let at = folded.indexOf(form); at !== -1; at = folded.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (/[\p{L}\p{N}]/u.test(folded[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(folded[end] ?? '')) continue;
      if (!best || form.length > best.end - best.start) best = { entry: match.entry, form, start: at, end };
    }
  }
  return best ?? match;
}

/** Known names (glossary entries with a kind) in a text, at most one mention per entry, in order. */
export function knownNames(text: string, glossary: GlossaryMatcher | null): NameMention[] {
  if (!glossary) return [];
  const normalized = text.normalize('NFC');
  const matches = glossary.match(normalized).filter((m) => m.entry.kind).map((m) => asName(normalized, m)).sort((a, b) => a.start - b.start);
  const found: NameMention[] = [];
  for (const match of matches) {
    const surface = normalized.slice(match.start, match.end);
    if (isFunctionWordForm(match.form) && surface === surface.toLowerCase()) continue;
    if (found.some((f) => match.start < f.end)) continue;
    const head = PLACE_HEAD.exec(normalized.slice(match.end));
    // A name written longer than the form that matched runs on as far as a longer form of it goes
    // (`Grand Hotel` of `Grand Hotel Daejeon`), and over a place head (`Acme Hotel`).
    const end = match.end + (head?.[0].length ?? longerForm(normalized, match.start, match.end, match.entry));
    found.push({ entry: match.entry, key: match.entry.en[0] ?? match.form, kind: head ? 'place' : match.entry.kind!, certain: true, start: match.start, end, text: normalized.slice(match.start, end) });
  }
  return found;
}

/** The kind that the wording around an unknown name gives it, if any. */
function kindFromContext(text: string, start: number, end: number, known: readonly NameMention[]): NameKind | null {
  const before = text.slice(0, start);
  const after = text.slice(end);
  // A neighbour in a list lends its kind (`인텔, 애크미`, `Intel, Acme and Bono`).
  for (const other of known) {
    const between = other.end <= start ? text.slice(other.end, start) : other.start >= end ? text.slice(end, other.start) : null;
    if (between !== null && LIST_SEPARATOR.test(between)) return other.kind;
  }
  if (placeByHead(text, end)) return 'place';
  // A name right before a place (`부산 그랜드호텔`) says where that place is.
  if (known.some((k) => k.kind === 'place' && k.start > end && /^\s?$/u.test(text.slice(end, k.start)))) return 'place';
  if (KOREAN_PERSON_TITLE.test(after) || ENGLISH_PERSON_TITLE.test(before)) return 'person';
  if (KOREAN_COMPANY_WORD.test(after) || ENGLISH_COMPANY_WORD.test(after)) return 'company';
  if (KOREAN_PLACE_PARTICLE.test(after) || ENGLISH_PLACE_BEFORE.test(before)) return 'place';
  return null;
}

/** Particles that make a Korean noun what a statement is about (`애플도 참석했다`). */
const SUBJECT_PARTICLE = /^(?:이|가|은|는|도|께서)(?![\p{L}])/u;

/** The kind of a known name whose last two syllables an unseen Korean compound shares (`외무부` of `재무부`). */
function kindBySuffix(word: string, glossary: GlossaryMatcher | null): NameKind | null {
  const syllables = [...word];
  if (!glossary || syllables.length < 3) return null;
  const tail = syllables.slice(-2).join('');
  for (const entry of glossary.entries) {
    if (entry.kind && entry.ko.some((form) => [...form].length >= 3 && form.endsWith(tail) && form !== word)) return entry.kind;
  }
  return null;
}

/**
 * Names in a statement that the article never uses (`인텔`, `Busan`, `Japan`), with the kind their
 * context gives them (see {@link ArticleWords} for what is asked of the article).
 *
 * - A run of capitalised Latin words the article never writes (`State Department`), after the first
 *   word, is a name (`certain`), of a kind or of none.
 * - The first word, and any Hangul word, is a name only when the wording marks it as one: a list
 *   of known names, a title, `관계자`, a place head or particle, or a Korean compound ending like a
 *   known name (`외무부` like `재무부`). An unseen Korean noun the statement is about (`애플도`) is a
 *   name of no kind. An unseen Korean noun with a case particle (`일본을`) is only a possible name
 *   (not `certain`), which a sentence's wording may confirm (see {@link namesInSameSlot}).
 * - Words the glossary knows are never unknown names.
 */
export function unknownNames(text: string, known: readonly NameMention[], article: ArticleWords, glossary: GlossaryMatcher | null = null): NameMention[] {
  const normalized = text.normalize('NFC');
  // Glossary terms are known; an ordinary glossary word (`state`) does not cover a capitalised name (`State Department`).
  const terms = (glossary?.match(normalized) ?? []).filter((m) => /\p{Script=Hangul}/u.test(m.form) || m.entry.en.some((f) => hyphenVariants(foldCase(f)).includes(m.form) && /\p{Lu}/u.test(f)));
  const covered = [...known, ...terms];
  const taken = (start: number, end: number) => covered.some((k) => start < k.end && end > k.start);
  const found: NameMention[] = [];
  const firstWord = /[\p{L}\p{N}]/u.exec(normalized)?.index ?? 0;
  for (const { word, start, hangul } of candidateWords(normalized, taken)) {
    const end = start + word.length;
    if (hangul && (looksLikeKoreanVerb(word) || KOREAN_CUE_WORDS.has(word))) continue;
    const bySuffix = hangul && !article.has(word) ? kindBySuffix(word, glossary) : null;
    if (!bySuffix && (hangul ? !article.unseen(word) : article.hasPhrase(word))) continue;
    const kind = bySuffix ?? kindFromContext(normalized, start, end, known);
    const after = normalized.slice(end);
    const subject = hangul && SUBJECT_PARTICLE.test(after);
    const certain = kind !== null || (!hangul && start !== firstWord) || subject;
    const possible = hangul && SLOT_PARTICLE.test(after);
    if (!certain && !possible) continue;
    found.push({ entry: null, key: word.toLowerCase(), kind, certain, start, end, text: word });
  }
  return found;
}

/** English titles that stand before a name without being part of it (`President Trump`). */
const LEADING_TITLE = /^(?:president|minister|secretary|chairman|chairwoman|ceo|mr|ms|mrs|dr|ambassador|governor|senator|vice|prime)\.?$/iu;

/**
 * Words that may be names: Hangul words without their particle, and runs of capitalised Latin words
 * (`State Department`), split where a known term or a title interrupts them.
 */
function candidateWords(text: string, taken: (start: number, end: number) => boolean): Array<{ word: string; start: number; hangul: boolean }> {
  const out: Array<{ word: string; start: number; hangul: boolean }> = [];
  for (const m of text.matchAll(/\p{Script=Hangul}+/gu)) {
    const word = stripParticle(m[0]);
    if ([...word].length >= 2 && !taken(m.index, m.index + word.length)) out.push({ word, start: m.index, hangul: true });
  }
  let run: Array<{ word: string; start: number }> = [];
  const flush = () => {
    if (run.length > 0) out.push({ word: text.slice(run[0]!.start, run.at(-1)!.start + run.at(-1)!.word.length), start: run[0]!.start, hangul: false });
    run = [];
  };
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}]+)*/gu)) {
    const word = m[0].replace(/['’]s$/u, '');
    const capitalised = /^\p{Lu}/u.test(word) && !/\p{Script=Hangul}/u.test(word);
    const adjacent = run.length > 0 && /^\s$/u.test(text.slice(run.at(-1)!.start + run.at(-1)!.word.length, m.index));
    if (!capitalised || taken(m.index, m.index + word.length) || LEADING_TITLE.test(word) || (run.length > 0 && !adjacent)) flush();
    if (capitalised && !taken(m.index, m.index + word.length) && !LEADING_TITLE.test(word) && word.length >= 2) run.push({ word, start: m.index });
  }
  flush();
  return out.sort((a, b) => a.start - b.start);
}

/** What {@link unknownNames} asks of the article. */
export interface ArticleWords {
  /** No trace of the word in the article, not even its syllable pairs. */
  unseen(word: string): boolean;
  /** The article has the word itself (as analysed). */
  has(word: string): boolean;
  /** The article's text (or its English rendering) contains the phrase, case aside. */
  hasPhrase(phrase: string): boolean;
}

/** Case particles that give a Korean noun its role (object, place, direction, company). */
const SLOT_PARTICLE = /^(을|를|에서|에게|에|으로|로|와|과)(?![\p{L}])/u;
const SAME_PARTICLE: Record<string, string> = { 를: '을', 로: '으로', 과: '와' };
const ARTICLES = new Set(['the', 'a', 'an']);

/** The words either side of a stretch of English text, articles skipped, folded. */
function neighbours(text: string, start: number, end: number): { left?: string; right?: string } {
  const left = text.slice(0, start).match(/[\p{L}\p{N}]+/gu)?.filter((w) => !ARTICLES.has(w.toLowerCase())).at(-1);
  const right = text.slice(end).match(/[\p{L}\p{N}]+/gu)?.find((w) => !ARTICLES.has(w.toLowerCase()));
  return { left: left?.toLowerCase(), right: right?.toLowerCase() };
}

/**
 * The names of a sentence (`candidates`) that stand where an unknown name stands in the statement:
 * with the same case particle after them (`일본을` … the sentence's `한국을`), or in English with the
 * same word on one side (`considering Japan as` … `consider Korea as`). `sameWord` compares two
 * words (stemming is the caller's). Empty when no name of the sentence stands there.
 */
export function namesInSameSlot(
  name: NameMention,
  claim: string,
  sentence: string,
  candidates: readonly NameMention[],
  sameWord: (a: string, b: string) => boolean,
): NameMention[] {
  const particle = SLOT_PARTICLE.exec(claim.slice(name.end))?.[1];
  if (particle) {
    const role = SAME_PARTICLE[particle] ?? particle;
    return candidates.filter((c) => {
      const after = SLOT_PARTICLE.exec(sentence.slice(c.end))?.[1];
      return after !== undefined && (SAME_PARTICLE[after] ?? after) === role;
    });
  }
  if (/\p{Script=Hangul}/u.test(name.text)) return [];
  const own = neighbours(claim, name.start, name.end);
  return candidates.filter((c) => {
    if (/\p{Script=Hangul}/u.test(c.text)) return false;
    const theirs = neighbours(sentence, c.start, c.end);
    return (own.left !== undefined && theirs.left !== undefined && sameWord(own.left, theirs.left)) || (own.right !== undefined && theirs.right !== undefined && sameWord(own.right, theirs.right));
  });
}

/** Particles that may follow a Korean name (`워싱턴에서`, `인텔도`, `카카오의`). */
const KOREAN_PARTICLE = /(?:에서는|에서도|에서|에선|으로|에게|한테|이랑|하고|와의|과의|은|는|이|가|을|를|의|와|과|도|에|로|랑|만)$/u;

function stripParticle(word: string): string {
  const stripped = word.replace(KOREAN_PARTICLE, '');
  return [...stripped].length >= 2 ? stripped : word;
}
