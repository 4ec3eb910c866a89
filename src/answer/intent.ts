import type { Passage } from '../search/passages.js';

/** What kind of answer a question wants. */
export type Intent = 'how-much' | 'how-many' | 'when' | 'where' | 'who' | 'list' | 'why' | 'how' | 'what';

/** "How much did the pound fall?", "얼마나 올랐어?": a change in some quantity, told by a share as often as by an amount. */
const ASKS_FOR_CHANGE = /\bhow much\b(?!\s+(?:money|cash|funding))[^?]{0,40}?\b(?:fall|fell|fallen|rise|rose|risen|grow|grew|grown|increased?|decreased?|drop|dropped|declined?|gain|gained|lose|lost|climb|climbed|jump|jumped|shrink|shrank|changed?|eased?|slow(?:ed)?|cut|go up|go down|went up|went down)\b|얼마(?:나|만큼)\s*(?:올랐|오른|내렸|내린|떨어|늘었|늘어|줄었|줄어|증가|감소|상승|하락|뛰었|올라|내려)/iu;

/** True when the question asks how much something changed (a share or an amount answers it). */
export function asksForChange(question: string): boolean {
  return ASKS_FOR_CHANGE.test(question);
}

/** Checked in order: the first that matches wins ("how many" before "how", "어디어디" before "어디"). */
const QUESTION_PATTERNS: [Intent, RegExp][] = [
  ['how-many', ASKS_FOR_CHANGE],
  ['how-much', /얼마(?:를|나|에|가|까지|씩)?\s*(?:투자|들|받|내|벌|썼|쓰|지원|주|줘|줬)|몇\s*(?:조|억|천억|백억|십억|천만|백만|만\s*원|달러|원)(?![가-힣])|몇\s*(?:조|억)\s*(?:원|달러)?\s*(?:을|를|이|가)?\s|\bhow (?:big|large|much) (?:is|was|are|were|will be) (?:the |its |their )?(?:\w+ ){0,2}?(?:budget|cost|price|investment|funding|spending|fee|bill)\b|(?:^|[^가-힣]|투자|사업|공사|건설|총)(?:금액|액수|비용|가격)|투자\s*규모|\bwhat(?:'s|’s| is| was| are| were| will be)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:budget|cost|price|fee|salary|revenue|worth|profit|income|earnings|loss)(?:s|es)?\b|\bhow much (?:money|did|does|do|is|was|will|has)\b|\bhow much\b.*(?:\b(?:invest|cost|spend|pay|worth|price|budget|fund|grant|subsid|loan|aid\b|salar|wage|revenue|profit|sales\b)|예산|비용|금액|자금|기금|지원금|보조금|투자금|가격|매출|수익)|(?:예산|비용|금액|자금|기금|지원금|보조금|투자금|가격|값|매출|수익|이익|순익|손실|주가|시가총액|연봉|월급|돈|budget)\s*(?:은|는|이|가|을|를|도)?\s*(?:총|최대|최소|최고|평균|약)?\s*얼마/i],
  ['how-many', /몇\s*(?:명|곳|개|군데|번|회|주년|개국|사|퍼센트|시간|년(?![도대])|배|살|세|위|층|차례|가지|건|대|척|권|편)|얼마|숫자|규모|\bhow (?:many|much|long|often|old|far|big|large)\b|\bnumber of\b|\bcount\b|\bwhat (?:percent|percentage|amount|share)\b/i],
  ['when', /언제|며칠|몇\s*일|몇\s*월|몇\s*년도|날짜|시기|연도|\bwhen\b|\bwhat (?:day|date|time|year|month|century|decade|period)\b|\bwhat(?:'s|’s|\s+is|\s+was|\s+will be)\s+the\s+(?:exact\s+)?(?:date|day|year|month)\b|\bwhich (?:day|date|year|month|century|decade)\b|\bin what year\b/i],
  // Korean asks "어디" of an organisation too ("그 기업은 어디야?", "어디 회사야?"): that asks which one, not where.
  ['who', /(?:기업|회사|업체|기관|단체|부처|부서|팀|그룹|재단|협회|위원회)(?:들)?(?:은|는|이|가|도)?\s*어디(?!서|에|어디)|어디\s*(?:기업|회사|업체|부처|기관|단체|소속)/u],
  ['list', /어디어디|뭐뭐|무엇무엇|누구누구|목록|리스트|명단|정리해|요약해|나열|열거|(?:다|전부|모두)\s*(?:뽑아|꼽아|골라)|\bsummar(?:ise|ize)\b|다\s*(?:알려|말해)|전부|모두\s*알려|\blist\b|\bname (?:the|all|every)\b|\b(?:all|every) (?:the )?\w+s\b/i],
  ['where', /어디|장소|어느\s*(?:곳|도시|나라|지역|장소|건물|호텔|대학|학교|섬|공항|항구|경기장|박물관|동네|마을|국가|주)|\bwhere\b|\b(?:which|what) (?:city|country|venue|place|state|region|building|town|hotel|province|district|university|school|island|river|port|airport|stadium|museum|church|street|neighbou?rhood|continent|county|village)\b|\bvenue\b|\blocation\b/i],
  ['who', /누구|누가|누군|\bwho\b|\bwhom\b|\bwhose\b/i],
  ['why', /왜|이유|까닭|계기|\bwhy\b|\breason\b/i],
  ['how', /어떻게|어떤\s*방식|\bhow\b/i],
];

/** The plain "what"/"which" of an English question. */
const ENGLISH_WHAT = /\b(?:what|which)\b/i;
/** Question words that, after "what", start a clause of their own. */
const CLAUSE_WORD = /^(?:when|where|who|whom|whose|why|how)\b/i;
/** Any English question word; cues before the first one are not the question. */
const ENGLISH_QUESTION_WORD = /\b(?:what|which|who|whom|whose|where|when|why|how)\b/i;
/** Do-support and modals: after them comes the subject of the question, not the kind of answer. */
const SUBJECT_FOLLOWS = /\b(?:do|does|did|will|would|can|could|should|shall|might|may|must)\b/i;

/** Words from "what" within which a specific cue still refines it ("What was the *venue*?"). */
const WHAT_PHRASE_WORDS = 4;

/**
 * Classifies a question by the kind of answer it wants; `what` when nothing more specific fits.
 * English fronts its question word, so there the earliest cue wins, and a specific cue inside a
 * later clause does not ("What did he say *when* he left?" asks what; "Who was king *when*…" asks
 * who), though one within the first words after "what" refines it ("What was the *reason*…?").
 * Korean puts its question word anywhere, so there the order of the patterns decides.
 */
export function detectIntent(question: string): Intent {
  if (!/\p{Script=Hangul}/u.test(question)) {
    let best: { intent: Intent; at: number } | null = null;
    // English fronts its question word: a cue noun before it is content ("Along with *location*, what factor…?"),
    // unless the question opens with it ("*List* which firms…", "*Summarize* what…").
    const opening = QUESTION_PATTERNS.some(([, pattern]) => pattern.exec(question)?.index === 0) ? 0 : (ENGLISH_QUESTION_WORD.exec(question)?.index ?? 0);
    const asked = question.slice(opening);
    for (const [intent, pattern] of QUESTION_PATTERNS) {
      const at = pattern.exec(asked)?.index;
      if (at !== undefined && (best === null || opening + at < best.at)) best = { intent, at: opening + at };
    }
    const what = ENGLISH_WHAT.exec(question)?.index;
    if (what === undefined || best === null || best.at <= what) return best?.intent ?? 'what';
    // A later "when"/"where"/"who" opens a clause ("What happens when…"); only a noun refines "what".
    if (CLAUSE_WORD.test(question.slice(best.at))) return 'what';
    const between = question.slice(what, best.at);
    // After do-support or a modal the subject follows, not the kind of answer ("What do a *number* of researchers think?").
    if (SUBJECT_FOLLOWS.test(between)) return 'what';
    return between.trim().split(/\s+/).length <= WHAT_PHRASE_WORDS ? best.intent : 'what';
  }
  for (const [intent, pattern] of QUESTION_PATTERNS) if (pattern.test(question)) return intent;
  return 'what';
}

const NUMBER_WORD = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|once|twice|thrice|single|sole|(?<!not )only|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|hundredth|thousandth)';
const KOREAN_NUMBER = '(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|한|두|세|네|첫|유일|단독|백|천|만|억|조)';

/**
 * What a sentence that answers each kind of question contains, from general cues only: any number
 * for amounts; dates, years, months and relative times for "when"; place words for "where";
 * titles and names for "who"; an enumeration for lists.
 */
const ANSWER_SHAPES: Partial<Record<Intent, RegExp>> = {
  'how-much': /\d[\d,.]*\s*(?:[만억조]\s*)?(?:원|달러|엔|유로|위안)|[만억조]\s*(?:원|달러)|[$€£¥₩]\s*\d|\b\d[\d,.]*\s*(?:(?:million|billion|trillion)\s*)?(?:dollars?|won|yen|euros?|pounds?)\b|\b\d[\d,.]*\s*(?:million|billion|trillion)\b/iu,
  'how-many': new RegExp(`\\d|\\b${NUMBER_WORD}\\b|${KOREAN_NUMBER}\\s*(?:명|곳|개|번|회|차례|가지|해|살|배|권|대|척|건|군데|개국|분|시간|년|달)|[만억조]\\s*(?:원|달러|명|개|톤|배)|%|퍼센트|percent`, 'iu'),
  when: /\d{1,4}\s*(?:년|월|일|세기|시|분기)|(?<!\d)[1-9]0\s*대(?:에|의|부터|까지|초반|중반|후반|\s)|\b1\d{3}s?\b|\b20\d{2}s?\b|\b(?:on|by|until|since|from) the \d{1,2}(?:st|nd|rd|th)\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:today|yesterday|tomorrow|annual(?:ly)?|century|decade|ago|later|earlier|recently|since|until|during|season|spring|summer|autumn|fall|winter|morning|evening|night|year|month|week|day)s?\b|지난해|올해|내년|작년|이날|당시|오늘|어제|내일|최근|이후|이전|이듬해|매년|매달|초반|중반|후반|말기|시절|시대|봄|여름|가을|겨울|오전|오후|새벽|저녁/iu,
  where: /\b\p{Lu}\p{L}+-based\b|\b(?:in|at|from|near|inside|outside|to|into|across|throughout|towards?) (?:the )?(?:(?:area|vicinity|outskirts|region|coast|shores?|banks?|north|south|east|west|center|centre|heart) of (?:the )?(?:present-day |modern(?:-day)? )?)?\p{Lu}|\b(?:city|town|country|state|province|region|district|hotel|center|centre|building|university|hall|street|avenue|island|river|mountain|capital|headquarters|airport|station|port|venue|square|park|stadium|museum|church|palace|laboratory|lab|office|school|hospital|factory|mine|farm|camp|prison|embassy|harbou?r|border|coast|beach|forest|desert|valley|lake|sea|ocean|village|county|continent|abroad|overseas)s?\b|(?<!측)에서|(?:시|도|군|구|읍|면|동|리|국|주|섬|산|강|호텔|센터|빌딩|대학|대학교|공항|역|항|궁|광장|공원|경기장|박물관|지역|본사|청사|나라|국가|도시|마을)(?:에|에서|으로|로|의|은|는|이|가|을|를|와|과|도)?(?=\s|$|[,.])/u,
  who: /장관|대통령|총리|회장|부회장|사장|대표|본부장|의원|교수|박사|감독|선수|위원장|국왕|왕|황제|씨|님|\b(?:minister|secretary|president|chairman|chairwoman|chair|ceo|chief|director|professor|dr|mr|mrs|ms|king|queen|emperor|prince|princess|senator|governor|mayor|general|captain|coach|founder|author|leader|vice)\b|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u,
  why: /위해|위한|때문|덕분|탓에|탓이|므로|니까|으로\s*인해|로\s*인해|이유|목적|계기|차원에서|\b(?:because|due to|owing to|thanks to|in order to|so that|so as to|as a result|in response to|aimed at|to help|reason|since)\b/iu,
  list: /(?:[^,·、]+[,·、]){2,}|\b(?:and|및|등)\b.*\b(?:and|및|등)\b/u,
};

/** True when the text has the shape the intent asks for (a date for "when"); true for intents without one. */
export function textHasAnswerShape(intent: Intent, text: string): boolean {
  const pattern = ANSWER_SHAPES[intent];
  return !pattern || pattern.test(text);
}

/** True when the sentence or its English rendering matches the pattern. */
function passageMatches(pattern: RegExp, passage: Passage): boolean {
  // Every question tests the same few shapes against the same sentences: each answer is worked out once.
  let known = shapeMatches.get(passage);
  if (!known) shapeMatches.set(passage, (known = new Map()));
  let matches = known.get(pattern);
  if (matches === undefined) {
    matches = pattern.test(passage.sentence.text) || (passage.translation !== undefined && pattern.test(passage.translation));
    known.set(pattern, matches);
  }
  return matches;
}

const shapeMatches = new WeakMap<Passage, Map<RegExp, boolean>>();

/**
 * Words that do not date the sentence: a time told elsewhere (the dateline, the sentence before: "이날",
 * "that day"), or the baseline of a comparison ("지난해보다 2억 원 늘어난", "than last year").
 */
const DEICTIC_TIME = /(?:지난해|작년|전년|예년|올해)\s*(?:보다|대비)|\bthan (?:last|a) (?:year|month|week)\b|\bfrom a year (?:earlier|ago)\b|이날|그날|당시|오늘|어제|내일|\b(?:today|yesterday|tomorrow|(?:on )?(?:that|the same) day|at the time)\b/giu;

/**
 * True when the passage states a time of its own, not only one that points elsewhere: for "when",
 * "on the 21st" is an answer, "on the same day" is a pointer to one.
 */
function statesItsOwnTime(passage: Passage): boolean {
  let known = ownTime.get(passage);
  if (known === undefined) {
    const own = (text: string) => ANSWER_SHAPES.when!.test(text.replace(DEICTIC_TIME, ' '));
    known = own(passage.sentence.text) || (passage.translation !== undefined && own(passage.translation));
    ownTime.set(passage, known);
  }
  return known;
}

const ownTime = new WeakMap<Passage, boolean>();

/** True when the passage (or its rendering) has the shape the intent asks for. */
export function hasAnswerShape(intent: Intent, passage: Passage): boolean {
  const pattern = ANSWER_SHAPES[intent];
  return !pattern || passageMatches(pattern, passage);
}

/**
 * Bonus for a passage shaped like the answer, and a penalty for headings: a news heading sums up the
 * body below it in fewer words, so the body sentence that says the same is the better citation, and
 * a heading is cited only when no body sentence matches comparably (the tuning, held-out and fresh
 * sets gain from 0.2 and level off from 0.35; 0.4 sits inside that range). A question that names a
 * heading ("the headline", "소제목") is exempt: those lines get the structure bonus instead.
 */
export interface ShapeWeights {
  shaped: number;
  /**
   * Bonus when the question names the narrower kind of answer (`how often`, `what year`) and the
   * passage has it: a named kind is a surer cue than a bare "when" (the seed sets gain alike from 0.12 to 0.2).
   */
  subtypeShaped: number;
  heading: number;
}

export const DEFAULT_SHAPE_WEIGHTS: ShapeWeights = { shaped: 0.06, subtypeShaped: 0.12, heading: 0.4 };

/**
 * A soft ranking signal: a small bonus for sentences shaped like an answer to the question's
 * intent, a penalty for headings. It reorders close candidates; it never declines one.
 */
export function intentBoost(intent: Intent, passage: Passage, weights: ShapeWeights = DEFAULT_SHAPE_WEIGHTS, subtype: AnswerSubtype | null = null): number {
  const shaped = subtype !== null ? hasSubtypeShape(subtype, passage) : intent === 'when' ? statesItsOwnTime(passage) : ANSWER_SHAPES[intent] !== undefined && intent !== 'list' && hasAnswerShape(intent, passage);
  const heading = passage.sentence.kind !== 'paragraph';
  return (shaped ? (subtype !== null ? weights.subtypeShaped : weights.shaped) : 0) - (heading ? weights.heading : 0);
}

/**
 * A narrower kind of answer some questions name: a month, a year, an age, a duration, a share, a
 * time of day, how often, what someone said, who holds an office, when something next happens, how
 * someone replied to a request, the score of a match or a vote.
 */
export type AnswerSubtype = 'month' | 'year' | 'age' | 'duration' | 'percent' | 'clock' | 'frequency' | 'statement' | 'request' | 'officeholder' | 'upcoming' | 'response' | 'score';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

/** Titles that name someone by office, in either language (`장관급`, ministerial-level, names a rank, not a person). */
const TITLES = String.raw`(?:장관|대통령|총리|회장|부회장|사장|대표|본부장|의원|위원장|이사|전무|상무|부사장|대변인|창업자)(?!급)|\b(?:minister|secretary|president|chairman|chairwoman|chair|ceo|chief executive|director|vice|head|founder|spokes(?:man|woman|person)|manager|editor|coach|principal|dean|commissioner|superintendent|librarian|curator|ambassador|governor|mayor|judge|professor|captain|mr|mrs|ms|dr)\b`;

/** Question cue and answer shape of each subtype, general across texts. Checked in order. */
const SUBTYPES: [AnswerSubtype, RegExp, RegExp][] = [
  // "How did X respond to the request?", "요청에 뭐라고 답했어?", "Did X agree to what Y asked for?", "X가 해주겠다고 약속했어?":
  // only a sentence that reports a reply or a commitment answers it, not the one that reports the request.
  ['response', /(?:\brespon(?:d|ded|se)|\breact(?:ed|ion)?|\brepl(?:y|ied)|\banswer(?:ed)?)\b[^?]{0,60}\b(?:request|proposal|demand|call|question|appeal|offer)s?\b|\b(?:request|proposal|demand|call|question|appeal|offer)s?\b[^?]{0,60}(?:\brespon(?:d|ded|se)|\breact(?:ed|ion)?|\brepl(?:y|ied))|(?:요청|제안|요구|질문|당부|부탁)[^?]{0,30}(?:답했|답변|대답|반응|응답|화답|답은|뭐라고\s*(?:했|답|말))|\b(?:agree|accept|reject|approve|grant)(?:d|ed|s)?\b[^?]{0,60}\b(?:request|proposal|demand|asked for|called for|wanted)\b|약속했|약속한|약속해|\bpromis(?:e|ed|es)\b|\bpledg(?:e|ed|es)\b|겠다고\s*(?:했|약속|밝혔)/iu, /답했|답변|대답|반응|응답|화답|호응|수용|받아들|거절|거부|약속|공감|환영|검토하겠|\b(?:responded|replied|reacted|answered|accepted|rejected|declined|refused|welcomed|promised|pledged|agreed to)\b|\bsaid (?:it|he|she|they|the \w+) would\b|계획|예정|방침|겠다|기로\s*했|키로|\b(?:will|plans? to|planned to|intends? to|aims? to|vowed)\b/iu],
  // "What did X ask for?", "해달라고 한 것", "요청한 것들": only a sentence that reports a request, proposal or demand answers it.
  ['request', /해\s*달라|(?:요청|부탁|요구|당부|촉구|주문)(?:한|했|하는|하던)|\bwhat (?:did|does|do|has|have|had) (?:[\p{L}'’-]+ ){1,3}(?:ask|request|urge|demand|press|call)(?:ed|ing)?\b|\basked for\b/iu, /요청|부탁|요구|당부|촉구|주문했|제안|해\s*달라|\b(?:asked|urged|called (?:on|for)|requested|proposed|pressed|sought|demanded|suggested)\b/iu],
  // "What did X say?", "뭐라고 했어?": only a sentence that reports speech (said, stressed, 강조했다, 밝혔다) answers it.
  ['statement', /뭐라(?:고)?\s*(?:했|말|얘기|이야기|발언|밝|강조|언급|답|반응|그래|그랬)|무슨\s*(?:말|얘기|이야기)|(?:뭐|뭘|무엇을?)\s*논의|발언|\bwhat (?:did|does|do|has|have|had) [^?]{0,60}?\b(?:say|said|tell|told|comment|remark|talk|discuss)\b/iu, /말했|밝혔|강조|설명했|언급|당부|주문했|요청|제안|전달했|주장|발언|논의|합의|"[^"]{4,}"|“[^”]{4,}”|\b(?:said|says|stated|stressed|noted|added|explained|told|asked|urged|called for|proposed|suggested|argued|remarked|commented|announced|declared|emphasi[sz]ed|insisted|warned|discussed|agreed|talked)\b/iu],
  // "Who is the CEO of X?", "X에서는 어떤 임원이 왔어?": only a sentence naming someone by title answers it.
  ['officeholder', /\b(?:who|which)\b[^?]{0,60}?\b(?:ceo|chief executive|exec(?:utive)?s?|chairman|chairwoman|chair|president|boss|head|representatives?|spokes(?:man|woman|person)|founder|director)\b|(?:누가|누구|어떤|어느)[^?]{0,30}?(?:대표|임원|회장|사장|총수|책임자|대변인|창업자)|(?:대표|임원|회장|사장|총수|책임자|대변인|창업자)(?:는|은|이|가)?\s*(?:누구|누가)/iu, new RegExp(`${TITLES}`, 'iu')],
  // "몇 대 몇으로 이겼어?", "what was the final score?", "how did the vote go?": a tally of two numbers ("3-1", "3대1", "27 votes to 19").
  ['score', /몇\s*대\s*몇|스코어|점수(?:는|가)?\s*(?:몇|어떻게|얼마)|\bwhat(?:'s|’s|s)?\s+(?:(?:was|is)\s+)?the\s+(?:final\s+)?(?:score|tally|vote count)\b|\bhow did the vote (?:go|end|turn out)\b|\bvote (?:result|tally|count)\b/iu, /\d+\s*(?:[-–:]|대)\s*\d+|\b\d+\s+(?:votes?\s+)?to\s+\d+\b/u],
  ['month', /몇\s*월|어느\s*달|\b(?:what|which) month\b/iu, new RegExp(`\\d{1,2}\\s*월|\\b(?:${MONTHS})\\b`, 'iu')],
  ['year', /몇\s*년도|몇\s*년에|연도|\b(?:what|which) year\b/iu, /\d{1,4}\s*년(?!간|\s*동안|\s*만)|\b1\d{3}\b|\b20\d{2}\b|지난해|올해|작년|내년|\b(?:last|this|next) year\b/iu],
  // "the absolute age of a rock" asks no one's age: the English cue must ask for one. News gives an age
  // after the name, between commas ("Sola, 39, a former teacher"); the capital keeps "in 2020, 12, …" out.
  ['age', /나이|몇\s*살|몇\s*세|\bhow old\b|\b(?:what|which) age\b|\bat what age\b|\bage (?:of|at) (?:which|when)\b|\b(?:his|her|their) age\b/iu, /\d+\s*(?:세|살)|\b[Aa]ged?\s+\d+|\d+-year-old|\b[Aa]ge of \d+|\b\p{Lu}[\p{L}'-]+,\s\d{1,3},\s|[가-힣]\(\d{1,3}\)/u],
  ['duration', /몇\s*시간|몇\s*분\s*(?:동안|간)|얼마\s*(?:동안|나\s*걸)|\bhow long\b|\bhow many (?:hours|days|nights|weeks|months|years|decades)\b|며칠\s*(?:동안|간|이나|있었|머물|묵었|걸)|몇\s*(?:일|주|개월|달|년)\s*(?:동안|간|이나|만에|째)|(?:기간|임기)(?:은|는|이|가)?\s*(?:몇|얼마)/iu, new RegExp(`\\d+\\s*(?:시간|분|일간|주|개월|년간|주년)|\\d+\\s*(?:년|달|일)\\s*(?:만에|째)|\\banniversary\\b|\\b\\d+[\\s-]*(?:hours?|minutes?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\\b|(?<!\\b(?:once|twice|thrice|times?|per)\\s)\\b(?:an?|several|few|many|${NUMBER_WORD})[\\s-]+(?:hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\\b|\\bsince\\b|이후로|부터|째|(?:하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름)(?:간|동안|째|\\s*만)?`, 'iu')],
  // A rate is a share too: "the tariff rate", "관세율", "실업률".
  ['percent', /퍼센트|몇\s*%|비율|관세율|세율|금리|성장률|실업률|물가상승률|지지율|투표율|득표율|점유율|\bpercent(?:age)?\b|\bwhat (?:share|proportion|fraction) of\b|\b(?:tariff|tax|interest|growth|unemployment|inflation|approval|turnout|literacy|mortality|vacancy) rates?\b/iu, /%|퍼센트|\bpercent\b/iu],
  // "When is the next meeting?", "다음 회의는 언제야?", "첫 회의는 언제 열린대?": only a sentence that dates something still to come answers it (a past date does not).
  ['upcoming', /(?:다음번?|차기)(?!\s*(?:날|해|달|주)(?:\s|에|$))\s+(?:[^\s?]+\s+){0,4}?(?:[^\s?]*(?:언제|어디|날짜|일정|시기))|\b(?:when|where)(?:'s|\s+(?:is|are|will|would))\b[^?]{0,40}\b(?:next|upcoming)\b|\b(?:next|upcoming)\b[^?]{0,40}\b(?:scheduled|be held|take place)\b|첫[^?]{0,25}언제(?![^?]*(?:었|았|였|렸|했|됐))|\bwhen (?:will|is|are|would)\b[^?]{0,40}\bfirst\b/iu, /내년|다음\s*(?:달|주|해|번|회의)|차기|오는\s*\d|예정|열릴|개최될|\bnext (?:year|month|week|spring|summer|autumn|fall|winter|round|meeting)\b|\blater this (?:year|month)\b|\bwill (?:be held|take place|meet|convene)\b|\b(?:is|are) (?:scheduled|set|due) to\b|\bupcoming\b|\bin the coming\b/iu],
  ['frequency', /얼마(?:나)?\s*자주|얼마\s*만에|(?:몇|\d+|한|두|세)\s*(?:년|달|개월|주)\s*(?:마다|에\s*한\s*번)|한\s*번씩|\bevery (?:\w+ )?(?:years?|months?|weeks?)\b|\b(?:once|twice) a (?:year|month|week)\b|(?:^|\s)(?:주기|빈도)|\bhow (?:often|frequently)\b|\bhow many times (?:a|per|each)\b/iu, /매(?:년|달|월|주|일|해)|연\s*\d+\s*(?:회|차례|번)|\d+\s*(?:년|개월|달|주|일)\s*(?:마다|에\s*한\s*번)|정례|정기|격년|\b(?:annual(?:ly)?|yearly|monthly|weekly|daily|biennial(?:ly)?|every|once|twice|thrice|regular(?:ly)?|periodic(?:ally)?)\b|\b(?:a|per) (?:year|month|week|day)\b/iu],
  ['clock', /몇\s*시(?!간)|\bwhat time\b(?!\s+(?:period|frame|span|of)\b)/iu, /\d+\s*시(?!간)|\d{1,2}:\d{2}|\b(?:a\.m\.|p\.m\.|am|pm|noon|midnight)\b/iu],
];

/** Titles by the kind of office: running a company, or holding public office. */
const OFFICE_KINDS: [RegExp, RegExp][] = [
  [/\b(?:ceo|chief executive|exec(?:utive)?s?|chairman|chairwoman|boss|founder)\b|회장|사장|대표|임원|총수|창업자/iu, /회장|사장|대표|부사장|전무|창업자|\b(?:ceo|chief executive|chairman|chairwoman|vice chairman|founder|executive)\b/iu],
  [/\b(?:minister|secretary|ambassador|governor|mayor|senator|spokes(?:man|woman|person))\b|장관|본부장|차관|총리|대사|대변인|시장(?=\s*(?:은|는|이|가)?\s*(?:누구|누가))/iu, /장관(?!급)|본부장|차관|총리|대사|대변인|의원|\b(?:minister|secretary|ambassador|governor|mayor|senator|spokes(?:man|woman|person))\b/iu],
];

/**
 * For "who is the CEO of X?": true when the passage names a holder of the kind of office the question
 * names (a company's head, or a public office), or the question names no particular kind. A
 * minister's title does not answer who runs a company.
 */
export function namesOfficeAsked(question: string, passage: Passage): boolean {
  const kinds = OFFICE_KINDS.filter(([cue]) => cue.test(question));
  return kinds.length === 0 || kinds.some(([, title]) => passageMatches(title, passage));
}

/** The narrower kind of answer a question names, if any (`몇 월에` → month, `how old` → age). */
export function detectSubtype(question: string): AnswerSubtype | null {
  return SUBTYPES.find(([, cue]) => cue.test(question))?.[0] ?? null;
}

/** True when the passage (or its rendering) holds an answer of the subtype. */
export function hasSubtypeShape(subtype: AnswerSubtype, passage: Passage): boolean {
  return passageMatches(SUBTYPES.find(([name]) => name === subtype)![2], passage);
}

/** "Which US companies were…", "what topics are…": the question wants the instances of a plural noun. */
const ASKS_FOR_INSTANCES = /\b(?:which|what)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+(?:ies|[^s\W]s)\s+(?:were|are|have|had|did|do|took|came|attended|joined|signed|participated|showed|went)\b/iu;
/** A comma-separated item that reads as a name: every word capitalised (`Acme Rail`, `ZX Korea`, `and Initech`). */
const NAME_ITEM = /^(?:and\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*)*$/u;
/** Words kept per list item; longer items are clauses, not names. */
const NAME_ITEM_WORDS = 5;

/** A Korean question that is only a noun phrase ("참석한 기업은?", "어떤 회사들?"): it asks for what the noun covers. */
const KOREAN_NOUN_QUESTION = /(?:^|\s)(?:어떤|어느)\s+[가-힣]+들|[가-힣]+(?:들)?(?:은|는)\s*\?*$/u;
/** Korean question words: with one of them, a question asks for something narrower than the members of a group. */
const KOREAN_QUESTION_WORD = /누구|누가|뭐|뭘|무엇|무슨|언제|어디|얼마|왜|몇|어떻/u;
/** A Korean question word said twice, which asks for a list of them. */
const KOREAN_DOUBLED_QUESTION_WORD = /어디어디|누구누구|뭐뭐|무엇무엇/u;
/** A Korean comma list of four or more short items. */
const KOREAN_LIST = /(?:[^,\s][^,]{0,20},\s*){3,}/u;

/** True for a question that wants the members of a group named by a plural noun. */
export function asksForInstances(question: string): boolean {
  // A doubled question word asks for several of them: "어디어디 왔어?", "누구누구", "뭐뭐".
  if (KOREAN_DOUBLED_QUESTION_WORD.test(question)) return true;
  if (/\p{Script=Hangul}/u.test(question)) return !KOREAN_QUESTION_WORD.test(question) && KOREAN_NOUN_QUESTION.test(question);
  return ASKS_FOR_INSTANCES.test(question);
}

/**
 * Three or more capitalised names in a row of a comma list ("Acme, Globex, Initech and Umbrella"; not
 * "Ministry of Culture, Sport and Tourism"). Linear in the text: it splits at commas, no backtracking.
 */
function hasNameList(text: string): boolean {
  let run = 0;
  for (const piece of text.split(',')) {
    const item = piece.trim();
    const words = item.split(/\s+/);
    if (run > 0 && words.length <= NAME_ITEM_WORDS && NAME_ITEM.test(item)) run++;
    // The last item may run on into the sentence ("…, Globex and Initech attended").
    else if (run >= 2 && startsCapitalised(words)) return true;
    // A run starts with the capitalised word that ends an item ("…attended: Acme").
    else run = /^\p{Lu}/u.test(words.at(-1) ?? '') ? 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/** True when the item's first word (after an "and") is capitalised. */
function startsCapitalised(words: readonly string[]): boolean {
  return /^\p{Lu}/u.test(words[words[0] === 'and' ? 1 : 0] ?? '');
}

const listed = new WeakMap<Passage, boolean>();

/** True when the passage (or its rendering) lists three or more names, or a Korean sentence four or more items. */
export function listsNames(passage: Passage): boolean {
  let known = listed.get(passage);
  if (known === undefined) {
    const { text } = passage.sentence;
    known = hasNameList(text) || (passage.translation !== undefined && hasNameList(passage.translation)) || (/\p{Script=Hangul}/u.test(text) && KOREAN_LIST.test(text));
    listed.set(passage, known);
  }
  return known;
}
