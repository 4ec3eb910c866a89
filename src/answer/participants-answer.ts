import type { Participant } from '../corpus/participants.js';
import { FuzzyVocabulary } from '../search/fuzzy.js';
import { analyzeText, analyzeWord, type AnalyzedWord } from '../search/tokenize.js';
import { findNumbers } from './numbers.js';
import type { RankedPassage } from '../search/retriever.js';
import { citationScore, type Composition } from './compose.js';
import type { Language } from './question.js';
import type { Citation } from './types.js';
import type { UnderstoodQuestion } from './understand.js';

/** Words that say "was there": the verb of an attendance question (`나왔` is "was mentioned", not "came"). */
const ATTENDED = /참석|참가|참여|출석|(?<!나)왔|(?:누가|누구)\s*나?(?:왔|옴|와|온)|에서\s*온|온\s*(?:기업|회사|사람)|\battend|\bjoin|\btook part|\btake part|\bparticipa|\brepresent|\bcame\b|\bshow(?:ed)? up|\bwere (?:at|there)\b|\bwas (?:at|there)\b|\bpresent\b|\bone of the (?:[\p{L}-]+ ){0,2}(?:compan(?:y|ies)|firms|participants|attendees|businesses)\b/iu;
/** "Was X at…?", "Were they there?": attendance, when X turns out to be a participant. */
const WAS_PRESENT = /^(?:was|were)\b[^?]{1,60}?\b(?:at|there)\b/i;
/** Questions about something else the participants did, said or came with, or what they are (뭐하는 회사), which a list of names cannot answer. */
const OTHER_TOPIC = /뭐\s*하는|뭘\s*하는|무슨\s*일(?:을|를)?\s*하|하는\s*(?:회사|기업|곳)|어떤\s*(?:회사|기업|곳)(?:이|인|야)|\bwhat (?:does|do) [^?]{1,40}\bdo\b|\bwhat kind of (?:company|firm|business)\b|같이|함께|랑\s|이랑|동행|업종|분야|논의|의제|말|발언|얘기|이야기|요청|요구|부탁|당부|투자|주가|주식|\bwith whom\b|\balong with\b|\baccompan|\bsector|\bindustr|\bdiscuss|\btalk|\bsa(?:y|id)\b|\bask(?:ed)?\b|\brequest|\burg(?:e|ed)\b|\binvest|\bstock|\bshare price/i;
/**
 * Companies as what the question asks for ("which companies", "how many firms", "어떤 기업", "기업은?",
 * "몇 곳"), not a company word in passing ("so that its firms get fair treatment", "what for small businesses").
 */
const ASKS_FOR_COMPANIES = /\b(?:which|what|how many|list|name)\b(?:\s+(?!(?:for|to|with|about|from|of|on|in|at|by|did|does|do|was|were|is|are)\b)[\p{L}'-]+){0,3}?\s+(?:compan(?:y|ies)|firms?|businesses|corporations?)\b|(?:어떤|어느|무슨)\s*(?:\S+\s+){0,2}?(?:기업|회사|업체)|(?:기업|회사|업체)(?:들)?(?:은|는|이|가)?\s*(?:몇|어디|누구|뭐|\?|$)|몇\s*(?:곳|군데)|몇\s*개\s*(?:기업|회사|업체|사)(?![가-힣])|어디어디/iu;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Picks the Korean particle that fits the final syllable: `회장이`, `대표가`. */
function particle(word: string, withBatchim: string, without: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0 ? withBatchim : without;
}

/** Short forms a user types for a company: `AB` for `AB그룹`, `Acme` for `Acme Motor Group`. */
function companyAliases(p: Participant): string[] {
  const aliases = [p.name, p.name.replace(/그룹$|전자$|코리아$/u, '').trim(), p.nameEn, p.nameEn.split(/\s+/)[0]!];
  return [...new Set(aliases.filter((a) => a.length >= 2).map((a) => a.toLowerCase()))];
}

/**
 * How a user names a participant's representative: in full (`Kim Min-jun`, `김민준`), or by the last
 * word of a name written in several words without hyphens (`Smith` for `Jane Smith`, `스미스` for `제인 스미스`).
 */
function personAliases(p: Participant): string[] {
  const names = [p.person, p.personEn].filter((n): n is string => typeof n === 'string' && n.length > 0);
  const surnames = names.map((n) => n.split(/\s+/)).filter((words) => words.length > 1 && !words.some((w) => w.includes('-'))).map((words) => words.at(-1)!);
  return [...new Set([...names, ...surnames].filter((a) => a.length >= 2).map((a) => a.toLowerCase()))];
}

/** One key for a form of several words, as analysed. */
const formKey = (words: readonly AnalyzedWord[]): string => words.map((w) => w.key).join(' ');

/** A name as typed (lower case) and as analysed: its one-word key (misspellings) and its whole form's key (glossary names). */
interface Alias {
  text: string;
  wordKey: string;
  formKey: string;
}

/** What the answer matches a participant by, analysed once per participants list. */
interface ParticipantWords {
  companies: Alias[];
  people: Alias[];
  /** Keys of the event's name in both languages, without country words (`Freedonia` in "Freedonia–Sylvania trade fair" names no event). */
  event: ReadonlySet<string>;
}

const wordsCache = new WeakMap<readonly Participant[], Map<Participant, ParticipantWords>>();
const aliasSpellings = new WeakMap<readonly Participant[], FuzzyVocabulary>();

/** The one-word names of the participants, for misspellings the article's own words do not reach (`김민주` for `김민준`, whose bigram `김민` the article has). */
function aliasVocabulary(participants: readonly Participant[], words: Map<Participant, ParticipantWords>): FuzzyVocabulary {
  let vocabulary = aliasSpellings.get(participants);
  if (!vocabulary) {
    vocabulary = new FuzzyVocabulary([...words.values()].flatMap((w) => [...w.companies, ...w.people].map((a) => a.wordKey)).filter((key) => key !== ''));
    aliasSpellings.set(participants, vocabulary);
  }
  return vocabulary;
}

function participantWords(participants: readonly Participant[]): Map<Participant, ParticipantWords> {
  let words = wordsCache.get(participants);
  if (!words) {
    const countryWords = new Set(participants.flatMap((p) => p.countryName.aliases.flatMap((a) => analyzeText(a).map((w) => w.key))));
    const alias = (text: string): Alias => ({ text, wordKey: analyzeWord(text)?.key ?? '', formKey: formKey(analyzeText(text)) });
    words = new Map(participants.map((p) => [p, {
      companies: companyAliases(p).map(alias),
      people: personAliases(p).map(alias),
      event: new Set(analyzeText(`${p.eventName.ko} ${p.eventName.en}`).map((w) => w.key).filter((key) => !countryWords.has(key))),
    }]));
    wordsCache.set(participants, words);
  }
  return words;
}

/** True when one of the question's concepts is a word or phrase of the event's name. */
function namesEvent(question: UnderstoodQuestion, eventWords: ReadonlySet<string>): boolean {
  return question.query.concepts.some((c) => c.alternatives.some((words) => words.length > 0 && words.every((w) => eventWords.has(w.key))));
}

/** The text as a literal inside a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when the question asks who came from the company: "Who came from Acme?", "who represented
 * Acme", "Acme's representative", "애크미에서는 누가 왔어?"; not "Who attended, was Acme one of them?".
 * `names(word)` says whether a word of the question names the company (misspelt, too).
 */
function asksWhoFrom(question: string, names: (word: string) => boolean): boolean {
  const english = /\bwho\b[^?]*\b(?:from|of|at|for|represent(?:ed|ing|s)?)\s+(?:the\s+)?([\p{L}][\p{L}\p{N}&'-]*)|([\p{L}][\p{L}\p{N}&-]*)(?:'s)?\s+(?:representative|rep|exec(?:utive)?|ceo|boss|head)\b/iu.exec(question);
  if (english && names((english[1] ?? english[2])!)) return true;
  const korean = /(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]+?)(?:\s*(?:측|쪽))?(?:에서는|에서|에선|은|는)?\s+(?:[^\s?]+\s+){0,2}?(?:누가|누구|어떤\s*(?:사람|임원)|대표)/u.exec(question);
  return korean !== null && names(korean[1]!);
}

/** A sentence of the document as citation `n`, scored by the answer's best score like every citation of this answer. */
function citationOf(id: string, text: string, n: number, input: ParticipantQuestion, language: Language, score: number): Citation {
  const translation = language === 'en' ? input.translate(id) : undefined;
  return { n, id, document: input.document, text, ...(translation ? { translation } : {}), score: citationScore(score) };
}

/** True when the (case-folded) question mentions the alias as a word (Latin) or a word start (Hangul). */
function mentions(question: string, alias: string): boolean {
  const at = question.indexOf(alias);
  if (at < 0) return false;
  if (/\p{Script=Hangul}/u.test(alias)) return true;
  const isLatin = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
  return !isLatin(question[at - 1]) && !isLatin(question[at + alias.length]);
}

function personLabel(p: Participant, language: Language): string | null {
  if (language === 'ko') return p.person ? `${p.person} ${p.title ?? ''}`.trim() : null;
  return p.personEn ? `${p.titleEn ? `${p.titleEn} ` : ''}${p.personEn}` : null;
}

function companyLabel(p: Participant, language: Language): string {
  const person = personLabel(p, language);
  const name = language === 'ko' ? p.name : p.nameEn;
  return person ? `${name} (${person})` : name;
}

function joinList(items: string[], language: Language): string {
  if (language === 'ko' || items.length < 2) return items.join(', ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Inputs of {@link answerFromParticipants}. */
export interface ParticipantQuestion {
  question: UnderstoodQuestion;
  /** The retrieval ranking: the list answers only when its best sentence is one that names participants. */
  ranked: readonly RankedPassage[];
  participants: readonly Participant[];
  document: string;
  /** English rendering of a sentence id, for English citations. */
  translate: (id: string) => string | undefined;
  /** How much of the question a sentence of the document carries (concept support, 0–1). */
  supportOf: (id: string) => number;
}

/** Particles that make a Korean noun the one a question asks about (`인텔도`, `인텔에선`, `인텔은`, `인텔 측`). */
const KOREAN_SUBJECT = '(?:도|은|는|이|가|에서|에선|에서는|에서도|\\s*(?:측|쪽))';

/**
 * True when the question asks about this unseen name as a possible attendee: any capitalised
 * English name, or a Korean noun marked as the subject (`인텔도 왔어?`, `인텔에선 누가?`, `윤 대통령도`), not a
 * Korean noun that only describes what is asked (`참석자 명단`, `직함 가진 사람`).
 */
function askedAbout(question: string, name: string): boolean {
  if (!/\p{Script=Hangul}/u.test(name)) return true;
  // The particle may follow a title after the name (`윤석열 대통령도`).
  return new RegExp(`${escape(name)}(?:\\s+[가-힣]{1,4}?)?${KOREAN_SUBJECT}(?=\\s|[?!.,]|$)`, 'u').test(question);
}

/** Titles that make a name a person's: a list of companies does not settle whether a person came. */
const PERSON_TITLE = /대통령|총리|장관|의원|회장|부회장|사장|대표|대사|씨(?![가-힣])|\b(?:president|prime minister|minister|secretary|senator|ambassador|chairman|chairwoman|ceo|mr|mrs|ms|dr)\b/iu;

/** Most names the article lacks that one attendance question can be asking about ("인텔이랑 AMD도 왔어?"). */
const MAX_ABSENT_NAMES = 2;

/** Intents the participants list cannot answer: it names who came, not the place, the time, an amount or a reason. */
const NOT_ABOUT_WHO: ReadonlySet<string> = new Set(['where', 'when', 'how-much', 'why']);

/**
 * Answers "who attended", "which companies", "how many companies" and "who came from X" from the
 * verified participant list of a document, complete and exact, citing the sentences that list them.
 * It speaks only when the question is about attendance (general cues, nothing else asked) and the
 * sentence naming the participants carries at least half as much of the question as the best-ranked one; otherwise it returns null and the
 * ranked sentences answer.
 */
export function answerFromParticipants(input: ParticipantQuestion): Composition | null {
  const { question: understood, participants } = input;
  const { language, intent } = understood;
  const folded = understood.question.toLowerCase();
  const best = input.ranked[0];
  if (!best || best.passage.sentence.document !== input.document) return null;
  const asksAttendance = ATTENDED.test(folded) || (ASKS_FOR_COMPANIES.test(folded) && (intent === 'how-many' || intent === 'list' || intent === 'who' || intent === 'what'));
  // "Was X at the roundtable?" asks about attendance only when X is a participant (not "Was the roundtable at…?").
  const asksWhetherPresent = !asksAttendance && WAS_PRESENT.test(folded);
  if (!asksAttendance && !asksWhetherPresent) return null;
  // The list says who came, not where, when or why the event was held ("김 회장이 온 행사 어느 호텔에서 했어?").
  if (NOT_ABOUT_WHO.has(intent)) return null;
  if (OTHER_TOPIC.test(folded)) return null;
  // The list speaks for an event whose naming sentence carries at least half as much of the question as the best sentence.
  // Or for the event the question names ("라운드테이블 누가 왔어?"), though the list sentence does not repeat its name.
  const words = participantWords(participants);
  const eventNamed = (p: Participant) => (namesEvent(understood, words.get(p)!.event) ? 1 : 0);
  const listed = participants
    .filter((p) => p.kind === 'company' && (input.supportOf(p.citation.id) >= 0.5 * best.support || eventNamed(p) === 1))
    .sort((a, b) => eventNamed(b) - eventNamed(a) || input.supportOf(b.citation.id) - input.supportOf(a.citation.id));
  if (listed.length === 0) return null;
  const event = listed[0]!.event;
  const attendees = participants.filter((p) => p.kind === 'company' && p.event === event);
  const eventName = listed[0]!.eventName[language];
  const cite = (ps: readonly Participant[]): Citation[] => {
    const ids = [...new Set(ps.map((p) => p.citation.id))];
    return ids.map((id, i) => citationOf(id, ps.find((x) => x.citation.id === id)!.citation.text, i + 1, input, language, best.score));
  };
  const marker = (citations: Citation[], p: Participant) => `[${citations.find((c) => c.id === p.citation.id)!.n}]`;

  // A misspelt name (`Qualcom`, `콸컴`) reaches the company through the article word it was matched to.
  const misspelt = new Set(understood.query.concepts.flatMap((c) => c.fuzzy.map((f) => f.key)));
  // A question word read as a misspelling of this alias (`acmee` for `acme`).
  const misspeltAs = (word: string, alias: Alias) => understood.query.concepts.some((c) => c.label === analyzeWord(word)?.key && c.fuzzy.some((f) => f.key === alias.wordKey));
  // Another name of someone in the glossary (`Jay Y. Lee`) reaches them through the glossary entry the question matched.
  const glossaryForms = new Set(understood.query.concepts.filter((c) => c.known).flatMap((c) => c.alternatives.map(formKey)));
  const spellings = aliasVocabulary(participants, words);
  const misspeltAlias = new Set(understood.query.concepts.filter((c) => !c.known && c.fuzzy.length === 0).flatMap((c) => spellings.nearest(c.label).map((m) => m.key)));
  const isNamed = (aliases: readonly Alias[]) => aliases.some((a) => mentions(folded, a.text) || misspelt.has(a.wordKey) || misspeltAlias.has(a.wordKey) || glossaryForms.has(a.formKey));
  const named = attendees.filter((p) => isNamed(words.get(p)!.companies) || isNamed(words.get(p)!.people));
  if (asksWhetherPresent && named.length === 0) return null;
  // Someone the article places at another event ("Did the minister attend the roundtable?"): the company
  // list cannot say, so the sentences answer (one may say who chaired it).
  if (named.length === 0 && participants.some((p) => p.event !== event && isNamed(words.get(p)!.people))) return null;
  if (named.length > 0) {
    const citations = cite(named);
    const parts = named.map((p) => {
      const person = personLabel(p, language);
      if (language === 'ko') {
        return person
          ? `${p.name}에서는 ${person}${particle(person, '이', '가')} ${eventName}에 참석했습니다 ${marker(citations, p)}`
          : `${p.name}${particle(p.name, '은', '는')} ${eventName}에 참여했습니다. 기사는 누가 나왔는지 밝히지 않습니다 ${marker(citations, p)}`;
      }
      return person
        ? `${p.nameEn} was represented at the ${eventName} by ${person} ${marker(citations, p)}`
        : `${p.nameEn} took part in the ${eventName}; the article does not name its representative ${marker(citations, p)}`;
    });
    // "Who came from Acme?" when the article names no one from Acme: it says so, and does not count as an answer.
    // Also a name typed without its spaces and cut short (`애크미로보` for `애크미 로보틱스 코리아`).
    const unspaced = (text: string) => text.toLowerCase().replace(/\s+/gu, '');
    const namesCompany = (p: Participant) => (word: string) => words.get(p)!.companies.some((a) => a.text === word.toLowerCase() || a.wordKey === analyzeWord(word)?.key || misspeltAs(word, a) || ([...word].length >= 2 && unspaced(a.text).startsWith(unspaced(word))));
    if (named.every((p) => personLabel(p, language) === null && asksWhoFrom(folded, namesCompany(p)))) {
      // Without citations the [n] markers would point at nothing; the sentences follow as related.
      return { answered: false, settled: true, answer: `${parts.map((part) => part.replace(/\s*\[\d+\]$/u, '')).join('. ')}.`, citations: [], related: citations };
    }
    const yes = understood.yesNo ? (language === 'ko' ? '네. ' : 'Yes. ') : '';
    return { answered: true, answer: yes + parts.join(' '), citations, related: [] };
  }
  // The side the question names ("the American firms", "한국 쪽"), or both.
  const countries = [...new Set(attendees.map((p) => p.country))];
  const askedSides = countries.filter((code) => attendees.find((p) => p.country === code)!.countryName.aliases.some((a) => mentions(folded, a.toLowerCase())));
  const groups = (askedSides.length > 0 ? askedSides : countries).map((country) => ({ country, members: attendees.filter((p) => p.country === country) }));
  if (understood.unknownNames.length > 0) {
    const asked = understood.unknownNames.filter((name) => askedAbout(understood.question, name));
    // Words the article lacks that are not asked about as attendees (`명단`, `직함`) leave the answer to the sentences;
    // so do three or more: a question worded in the article's absence (`재계 총수들은`, `간담회에는`) is a paraphrase, not a roll call of missing companies.
    if (asked.length === 0 || understood.unknownNames.length > MAX_ABSENT_NAMES) return null;
    // "Did Intel attend?": the honest answer is that the list does not include them.
    const names = asked.join(', ');
    // "Was Intel one of the American firms?": the list of the side asked about is the one that settles it.
    const listed = groups.length === 1 ? groups[0]!.members : attendees;
    const sideName = groups.length === 1 ? `${listed[0]!.countryName[language]} ` : '';
    const answer = language === 'ko'
      ? `기사에 나온 ${eventName} ${groups.length === 1 ? `${sideName}측 ` : ''}참석 기업 ${listed.length}곳 명단에 ${names}${particle(names, '은', '는')} 없습니다.`
      : `The article's list of the ${listed.length} ${sideName}companies at the ${eventName} does not include ${names}.`;
    // A company missing from the full list of companies did not attend: that is the answer, a "no" with the list cited.
    // A person (a title in the question) is not settled by a list of companies: they may have come as a guest.
    if (understood.yesNo && !PERSON_TITLE.test(understood.question)) {
      const no = language === 'ko' ? '아니요. ' : 'No. ';
      const citations = cite(listed);
      return { answered: true, answer: `${no}${answer} ${citations.map((c) => `[${c.n}]`).join('')}`, citations, related: [] };
    }
    return { answered: false, answer, citations: [], related: cite(listed) };
  }
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  const listCitations = cite(groups.flatMap((g) => g.members));
  // A count cites first the ranked sentence that states it ("12곳이 참가"), then the lists it adds up.
  const stating = understood.intent === 'how-many' && groups.length > 1 ? input.ranked.find((r) => r.passage.sentence.document === input.document && findNumbers(r.passage.sentence.text).some((m) => m.value === total)) : undefined;
  const statingCitation: Citation[] = stating && !listCitations.some((c) => c.id === stating.passage.sentence.id) ? [citationOf(stating.passage.sentence.id, stating.passage.sentence.text, 0, input, language, best.score)] : [];
  const citations = [...statingCitation, ...listCitations].map((c, i) => ({ ...c, n: i + 1 }));
  const totalMarker = statingCitation.length > 0 ? ' [1]' : '';
  const sentences = groups.map(({ members }) => {
    const side = members[0]!.countryName[language];
    const list = joinList(members.map((p) => companyLabel(p, language)), language);
    if (groups.length === 1) {
      return language === 'ko'
        ? `${eventName}에는 ${side} 측에서 ${members.length}개 기업이 참석했습니다: ${list} ${marker(citations, members[0]!)}`
        : `${capitalize(numberWord(members.length))} ${side} ${members.length === 1 ? 'company' : 'companies'} ${members.length === 1 ? 'took part in' : 'attended'} the ${eventName}: ${list} ${marker(citations, members[0]!)}`;
    }
    return language === 'ko' ? `${side} 측 ${members.length}곳: ${list} ${marker(citations, members[0]!)}` : `${capitalize(numberWord(members.length))} ${side}: ${list} ${marker(citations, members[0]!)}`;
  });
  const lead = language === 'ko' ? `${eventName}에는 기업 ${total}곳이 참석했습니다${totalMarker}.` : `${capitalize(numberWord(total))} companies attended the ${eventName}${totalMarker}.`;
  return { answered: true, answer: (groups.length > 1 ? [lead, ...sentences] : sentences).join(' '), citations, related: [] };
}
