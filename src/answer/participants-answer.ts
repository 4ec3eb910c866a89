import type { Participant } from '../corpus/participants.js';
import type { Composition } from './compose.js';
import type { Intent } from './intent.js';
import type { Language } from './question.js';
import type { Citation } from './types.js';

const KOREA = /한국|우리\s*(?:측|쪽|나라|기업)|국내|\bkorean?\b|\bkr\b/i;
const USA = /미국|미측|\bamerican?\b|\bus\b|\bu\.s\.?|united states|\busa\b/i;
/** Words that say "was there": the verb of an attendance question. */
const ATTENDED = /참석|참가|참여|왔|나왔|출석|에서\s*온|온\s*(?:기업|회사|사람)|\battend|\bjoin|\btook part|\btake part|\bparticipa|\bcame\b|\bshow(?:ed)? up|\bwere at\b|\bwas at\b|\bat the (?:roundtable|table|meeting)\b/i;
const ATTENDANCE = new RegExp(`${ATTENDED.source}|대표|누구|누가|\\brepresent|\\brep\\b|\\bwho\\b|\\bthere\\b|\\bpresent\\b`, 'i');
const COMPANIES = /기업|회사|업체|곳|\bcompan|\bfirms?\b|\bbusinesses\b|\bcorporations?\b/i;
/** Questions about something else the participants did or have, which the structured list cannot answer. */
const OTHER_TOPIC = /업종|분야|논의|의제|말|발언|투자|주가|주식|\bsector|\bindustr|\bdiscuss|\btalk|\bsa(?:y|id)\b|\binvest|\bstock|\bshare price|\bCEO of\b/i;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen'];
const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);
/** Picks the Korean particle that fits the final syllable: `회장이`, `대표가`. */
function particle(word: string, withBatchim: string, without: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0 ? withBatchim : without;
}
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Short forms a user types for a company: `LG` for `LG그룹`, `Hyundai` for `Hyundai Motor Group`. */
function companyAliases(p: Participant): string[] {
  const aliases = [p.name, p.name.replace(/그룹$|전자$|코리아$/u, '').trim(), p.nameEn, p.nameEn.split(/\s+/)[0]!];
  return [...new Set(aliases.filter((a) => a.length >= 2).map((a) => a.toLowerCase()))];
}

function mentions(question: string, alias: string): boolean {
  const at = question.indexOf(alias);
  if (at < 0) return false;
  if (/\p{Script=Hangul}/u.test(alias)) return true;
  const before = question[at - 1];
  const after = question[at + alias.length];
  const isLatin = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
  return !isLatin(before) && !isLatin(after);
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

function citationOf(p: Participant, n: number, language: Language, translate: (id: string) => string | undefined, document: string): Citation {
  const translation = language === 'en' ? translate(p.citation.id) : undefined;
  return { n, id: p.citation.id, document, text: p.citation.text, ...(translation ? { translation } : {}), score: 1 };
}

function joinList(items: string[], language: Language): string {
  if (language === 'ko' || items.length < 2) return items.join(', ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Inputs of {@link answerFromParticipants}. */
export interface ParticipantQuestion {
  question: string;
  language: Language;
  intent: Intent;
  participants: readonly Participant[];
  document: string;
  /** English rendering of a sentence id, for English citations. */
  translate: (id: string) => string | undefined;
  /** Names in the question that the article never mentions (`Intel`, `윤석열`). */
  unknownNames: readonly string[];
}

/**
 * Answers "who attended", "which companies", "how many companies" and "who came from LG" from the
 * verified participant list, complete and exact, citing the sentences that list them. Returns null
 * when the question is not about attendance, so retrieval answers it instead.
 */
export function answerFromParticipants(input: ParticipantQuestion): Composition | null {
  const { question, language, intent } = input;
  const folded = question.toLowerCase();
  if (OTHER_TOPIC.test(folded) || !ATTENDANCE.test(folded) && intent !== 'how-many' && intent !== 'list') return null;
  const roundtable = input.participants.filter((p) => p.kind === 'company' && p.event === 'roundtable');
  const cite = (ps: Participant[]) => {
    const byId = new Map<string, Participant>();
    for (const p of ps) if (!byId.has(p.citation.id)) byId.set(p.citation.id, p);
    return [...byId.values()].map((p, i) => citationOf(p, i + 1, language, input.translate, input.document));
  };

  const named = roundtable.filter((p) => companyAliases(p).some((a) => mentions(folded, a)));
  if (named.length > 0) {
    if (!ATTENDANCE.test(folded) && !/라운드테이블|roundtable/u.test(folded)) return null;
    const citations = cite(named);
    const parts = named.map((p) => {
      const person = personLabel(p, language);
      const marker = `[${citations.find((c) => c.id === p.citation.id)!.n}]`;
      if (language === 'ko') return person ? `${p.name}에서는 ${person}${particle(person, '이', '가')} 라운드테이블에 참석했습니다 ${marker}` : `${p.name}${particle(p.name, '은', '는')} 라운드테이블에 참석한 미국 기업 8곳 중 하나입니다. 기사는 참석자 이름을 밝히지 않습니다 ${marker}`;
      return person ? `${p.nameEn} was represented at the roundtable by ${person} ${marker}` : `${p.nameEn} was one of the eight US companies at the roundtable; the article does not name its representative ${marker}`;
    });
    return { answered: true, answer: parts.join(' '), citations, related: [] };
  }

  const openWho = (intent === 'who' || intent === 'list') && ATTENDED.test(folded);
  if (!COMPANIES.test(folded) && !openWho) return null;
  if (input.unknownNames.length > 0) {
    // "Who came from Intel?": the honest answer is that the lists do not include them.
    const related = cite(roundtable);
    const names = input.unknownNames.join(', ');
    const answer = language === 'ko'
      ? `기사에 나온 라운드테이블 참석 명단(한국 기업 8곳, 미국 기업 8곳)에 ${names}${particle(names, '은', '는')} 없습니다.`
      : `The article's roundtable attendance lists (eight Korean and eight US companies) do not include ${names}.`;
    return { answered: false, answer, citations: [], related };
  }
  const wantsKorea = KOREA.test(folded) && !USA.test(folded);
  const wantsUs = USA.test(folded) && !KOREA.test(folded);
  const groups = (['KR', 'US'] as const)
    .filter((c) => (c === 'KR' ? !wantsUs : !wantsKorea))
    .map((country) => ({ country, members: roundtable.filter((p) => p.country === country) }))
    .filter((g) => g.members.length > 0);
  if (groups.length === 0) return null;
  const citations = cite(groups.flatMap((g) => g.members));
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  const sentences = groups.map(({ country, members }) => {
    const marker = `[${citations.find((c) => c.id === members[0]!.citation.id)!.n}]`;
    const list = joinList(members.map((p) => companyLabel(p, language)), language);
    const side = language === 'ko' ? (country === 'KR' ? '한국' : '미국') : country === 'KR' ? 'Korean' : 'US';
    if (groups.length === 1) {
      return language === 'ko'
        ? `한미 비즈니스 라운드테이블에는 ${side} 측에서 ${members.length}개 기업이 참석했습니다: ${list} ${marker}`
        : `${capitalize(numberWord(members.length))} ${side} companies attended the Korea–US business roundtable: ${list} ${marker}`;
    }
    return language === 'ko' ? `${side} 측 ${members.length}곳: ${list} ${marker}` : `${capitalize(numberWord(members.length))} ${side}: ${list} ${marker}`;
  });
  const lead = language === 'ko' ? `한미 비즈니스 라운드테이블에는 양국 기업 ${total}곳이 참석했습니다.` : `${capitalize(numberWord(total))} companies attended the Korea–US business roundtable.`;
  return { answered: true, answer: (groups.length > 1 ? [lead, ...sentences] : sentences).join(' '), citations, related: [] };
}
