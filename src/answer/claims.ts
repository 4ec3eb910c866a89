/**
 * Checking statements against the article, sentence by sentence.
 *
 * For each statement the engine retrieves the closest sentences; each candidate is then compared
 * on what a statement can get wrong while still talking about the same thing:
 *
 * - **topic**: how much of the statement's content (its numbers, names and negation set aside) the
 *   sentence carries, as the engine's IDF-weighted concept support;
 * - **numbers**: each number of the statement against the sentence's numbers (original and English
 *   rendering) — the same value agrees, another value of a comparable kind differs (10 companies
 *   against 8, the 22nd against the 21st), no number of that kind leaves it unsupported;
 * - **names**: people, companies, places, countries — a name the sentence lacks while it names
 *   another of the same kind differs; a person tied to another company than the sentence ties them to
 *   differs too;
 * - **negation**: a statement that denies what the sentence affirms, or the reverse.
 *
 * Verdicts: `supported` (topic carried, nothing differs, nothing missing), `contradicted` (topic
 * carried, something differs: the differing part of the sentence is marked), else `not-in-article`
 * (the closest sentence is offered as related, never as support).
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import type { Passage } from '../search/passages.js';
import type { AnalyzedQuery } from '../search/query.js';
import { DEFAULT_WEIGHTS, type RankedPassage } from '../search/retriever.js';
import { analyzeWord, foldCase, stemEnglish } from '../search/tokenize.js';
import { citationScore } from './compose.js';
import { knownNames, namesInSameSlot, unknownNames, type NameMention } from './claim-names.js';
import { STATEMENT_FILLERS } from './claim-words.js';
import { MAX_CLAIMS, splitClaims } from './claim-split.js';
import { QuestionError, type QaEngine } from './engine.js';
import { findNegations, type NegationMention } from './negation.js';
import { findNumbers, standing, type NumberMention } from './numbers.js';
import { termVariants } from './term-variants.js';
import { detectLanguage, type Language } from './question.js';
import type { Citation } from './types.js';
import { unfaithfulCitations, type SourceLookup } from './verify.js';

export { MAX_CLAIMS };

/** What the article says about a statement. */
export type Verdict = 'supported' | 'contradicted' | 'not-in-article';

/** A marked stretch of a quoted text (JavaScript string offsets, end exclusive). */
export interface Mark {
  start: number;
  end: number;
  text: string;
}

/** A quoted sentence with the parts that differ from the statement marked. */
export interface ClaimCitation extends Citation {
  /** Marks in {@link Citation.text}. */
  marks: Mark[];
  /** Marks in {@link Citation.translation}, when it is given. */
  translationMarks?: Mark[];
}

/** One way the article differs from a statement. */
export interface Difference {
  /** `term`: the same word with another modifier (`부사장급` for `사장급`, `vice-presidential` for `presidential`). */
  kind: 'number' | 'name' | 'term' | 'negation';
  /** What the statement says (`5곳`, `Busan`, `않았다`). */
  claim: string;
  /** What the article says instead, as written in the quoted sentence (empty for a negation it lacks). */
  article: string[];
}

/** The check of one statement. */
export interface CheckedClaim {
  claim: string;
  /** The statement's language, which is the language of its verdict. */
  language: Language;
  verdict: Verdict;
  /** The sentence(s) that carry or contradict the statement; empty when it is not in the article. */
  citations: ClaimCitation[];
  /** The closest sentences when the statement is not in the article (not support). */
  related: ClaimCitation[];
  /** For a contradiction: what differs. */
  differences: Difference[];
}

/** The check of a whole message. */
export interface CheckResult {
  /** The statements checked, in message order (at most {@link MAX_CLAIMS}). */
  claims: CheckedClaim[];
  /** Statements beyond the first {@link MAX_CLAIMS}, not checked. */
  omitted: number;
  /** Time spent, in milliseconds. */
  ms: number;
}

/** The thresholds of a check, all on the engine's concept support in [0, 1]. */
export interface ClaimPolicy {
  /** Topic share a sentence must carry to support a statement. */
  supported: number;
  /** Topic share a sentence must carry to count as about the same thing (so that a difference contradicts). */
  sameThing: number;
  /** Share of what a statement says besides its names that a supporting sentence must carry itself, without its context. */
  ownShare: number;
  /** Candidate sentences compared per statement. */
  candidates: number;
  /** Most supporting sentences quoted. */
  maxCitations: number;
  /** Related sentences shown for a statement the article does not cover. */
  related: number;
}

export const DEFAULT_CLAIM_POLICY: ClaimPolicy = { supported: 0.6, sameThing: 0.6, ownShare: 0.5, candidates: 16, maxCitations: 2, related: 2 };

/**
 * Blanks stretches of a text with spaces, keeping every other offset where it was. A stretch ending
 * inside a Hangul word takes the rest of the word (its particle) with it: `그랜드호텔에서` leaves no
 * stray `에서` behind.
 */
function blank(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const span of spans) {
    let end = span.end;
    if (/\p{Script=Hangul}/u.test(text[end - 1] ?? '')) while (end < text.length && /\p{Script=Hangul}/u.test(text[end]!)) end++;
    out = out.slice(0, span.start) + ' '.repeat(end - span.start) + out.slice(end);
  }
  return out;
}

/** The statement with its negation removed but its verb kept (`참석하지 않았다` → `참석했다`). */
function blankNegations(text: string, negations: readonly NegationMention[]): string {
  let out = text;
  for (const n of negations) {
    const keepVerb = n.text.startsWith('지') && out[n.start - 1] === '하';
    const replacement = keepVerb ? '했다'.padEnd(n.end - n.start + 1, ' ') : ' '.repeat(n.end - n.start);
    out = keepVerb ? out.slice(0, n.start - 1) + replacement + out.slice(n.end) : out.slice(0, n.start) + replacement + out.slice(n.end);
  }
  return out;
}

/** A side of a sentence: its original text or its English rendering, with what was found in it. */
interface SentenceSide {
  which: 'text' | 'translation';
  text: string;
  numbers: NumberMention[];
  names: NameMention[];
  negated: boolean;
}

/** What a statement brings to the comparison, computed once. */
interface ClaimFacts {
  claim: string;
  language: Language;
  numbers: NumberMention[];
  names: NameMention[];
  negations: NegationMention[];
  /** The statement's content words, names included, numbers, negation and fillers left out. */
  content: AnalyzedQuery | null;
  /** For each name, the indices of the concepts of {@link ClaimFacts.content} that spell it. */
  nameConcepts: Map<NameMention, number[]>;
  /** Weight of each known name in the article (rarer names weigh more). */
  nameWeight: Map<NameMention, number>;
}

/** How one candidate sentence stands against a statement. */
interface Assessment {
  ranked: RankedPassage;
  topic: number;
  /** How many of the statement's names the sentence has. */
  namesPresent: number;
  /** How many names of the kinds the statement names the sentence adds (other countries, other companies). */
  otherNames: number;
  supported: boolean;
  contradicted: boolean;
  differences: Difference[];
  marks: { text: Mark[]; translation: Mark[] };
}

/** Checks chat messages against the article with one engine. */
export class ClaimChecker {
  private readonly source: SourceLookup;
  /** The article's sentences and renderings, folded, for "does the article ever write this name". */
  private readonly searchText: string;

  constructor(
    private readonly engine: QaEngine,
    private readonly policy: ClaimPolicy = DEFAULT_CLAIM_POLICY,
  ) {
    this.searchText = foldCase(engine.passages.map((p) => p.searchText).join('\n'));
    this.source = {
      sentence: (document, id) => engine.passage(document, id)?.sentence,
      raw: (document) => engine.corpus.raw.get(document),
    };
  }

  /** Splits a message into statements (at most {@link MAX_CLAIMS}) and checks each. */
  async check(message: string): Promise<CheckResult> {
    const started = performance.now();
    const { claims, omitted } = splitClaims(message);
    const checked: CheckedClaim[] = [];
    for (const claim of claims) checked.push(await this.checkClaim(claim));
    return { claims: checked, omitted, ms: Math.round((performance.now() - started) * 1000) / 1000 };
  }

  /** Checks one statement as written (no splitting). */
  async checkClaim(claim: string): Promise<CheckedClaim> {
    const facts = await this.facts(claim);
    const retrievalText = blank(blankNegations(claim, facts.negations), facts.numbers).replace(/\s+/gu, ' ').trim();
    const ranked = await this.rank(retrievalText || claim);
    const assessments = ranked.map((r) => this.assess(facts, r));
    // The sentence most specific to what the statement names comes first: the names it has, less one
    // when it also names others of those kinds (3 US companies over 12 of both countries); then the one carrying most.
    const specific = (a: Assessment) => a.namesPresent - (a.otherNames > 0 ? 1 : 0);
    const byTopic = (a: Assessment, b: Assessment) => specific(b) - specific(a) || b.topic - a.topic || b.ranked.score - a.ranked.score;
    const supporting = assessments.filter((a) => a.supported).sort(byTopic);
    if (supporting.length > 0) {
      const citations = supporting.slice(0, this.policy.maxCitations).map((a, i) => this.citation(a, i + 1, facts.language, false));
      return this.verified({ claim, language: facts.language, verdict: 'supported', citations, related: [], differences: [] });
    }
    const contradicting = assessments.filter((a) => a.contradicted).sort(byTopic);
    const best = contradicting[0];
    if (best) {
      return this.verified({ claim, language: facts.language, verdict: 'contradicted', citations: [this.citation(best, 1, facts.language, true)], related: [], differences: best.differences });
    }
    const related = assessments.slice(0, this.policy.related).map((a, i) => this.citation(a, i + 1, facts.language, false));
    return this.verified({ claim, language: facts.language, verdict: 'not-in-article', citations: [], related, differences: [] });
  }

  /** A quote that is not verbatim is withdrawn (cannot happen unless ingest is broken). */
  private verified(result: CheckedClaim): CheckedClaim {
    const bad = unfaithfulCitations([...result.citations, ...result.related], this.source);
    if (bad.length === 0) return result;
    return { ...result, verdict: 'not-in-article', citations: [], related: result.related.filter((c) => !bad.includes(c)), differences: [] };
  }

  private async rank(text: string): Promise<RankedPassage[]> {
    try {
      return (await this.engine.inspect(text, this.policy.candidates)).ranked;
    } catch (error) {
      if (error instanceof QuestionError) return [];
      throw error;
    }
  }

  /** The analysed content of a text, or null when it has no content words left. */
  private async analyse(text: string): Promise<AnalyzedQuery | null> {
    const trimmed = text.replace(/\s+/gu, ' ').trim();
    if (!trimmed) return null;
    try {
      const { understood } = await this.engine.inspect(trimmed, 1);
      return understood.query.concepts.length > 0 ? understood.query : null;
    } catch (error) {
      if (error instanceof QuestionError) return null;
      throw error;
    }
  }

  /** True when the article has the word itself (as analysed: `참석했다` is `참석`). */
  private has(word: string): boolean {
    const analysed = analyzeWord(word.toLowerCase());
    return analysed !== null && this.engine.retriever.vocabulary.has(analysed.key);
  }

  /** True when the article has no trace of a word (nor of its syllable pairs). */
  private unseen(word: string): boolean {
    const analysed = analyzeWord(word.toLowerCase());
    if (!analysed) return false;
    const vocabulary = this.engine.retriever.vocabulary;
    return !vocabulary.has(analysed.key) && !analysed.parts.some((p) => vocabulary.has(p));
  }

  /** The statement's fillers (see {@link STATEMENT_FILLERS}). */
  private fillers(claim: string): Array<{ start: number; end: number }> {
    const spans: Array<{ start: number; end: number }> = [];
    for (const m of claim.matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = foldCase(m[0]);
      const forms = [word, word.replace(/(?:을|를|은|는|이|가|도|에|의|로|으로)$/u, ''), analyzeWord(word)?.key ?? word];
      if (forms.some((f) => STATEMENT_FILLERS.has(f))) spans.push({ start: m.index, end: m.index + m[0].length });
    }
    return spans;
  }

  private async facts(claim: string): Promise<ClaimFacts> {
    const language = detectLanguage(claim);
    const numbers = findNumbers(claim);
    const negations = findNegations(claim);
    const known = knownNames(claim, this.engine.glossary);
    const overlapsNumber = (n: NameMention) => numbers.some((x) => n.start < x.end && n.end > x.start);
    const fillers = this.fillers(claim);
    const isFiller = (n: NameMention) => fillers.some((f) => n.start < f.end && n.end > f.start);
    const article = { unseen: (w: string) => this.unseen(w), has: (w: string) => this.has(w), hasPhrase: (p: string) => this.searchText.includes(foldCase(p)) };
    const names = [...known, ...unknownNames(claim, known, article, this.engine.glossary).filter((n) => !overlapsNumber(n) && !isFiller(n))];
    const content = await this.analyse(blank(blankNegations(claim, negations), [...numbers, ...fillers]));
    const nameWeight = new Map<NameMention, number>();
    const nameConcepts = new Map<NameMention, number[]>();
    for (const name of names) {
      const spelled = foldCase(name.text);
      const indices = (content?.concepts ?? []).flatMap((c, i) => (c.label.length >= 2 && spelled.includes(c.label) ? [i] : []));
      nameConcepts.set(name, indices);
      const known = name.entry ? indices.map((i) => content!.concepts[i]!).find((c) => c.known) : undefined;
      // A known name the analysis dropped (`US`, which is also `us`) weighs as its Korean form does.
      const fallback = name.entry && !known ? (await this.analyse(name.entry.ko[0]!))?.concepts[0] : undefined;
      const concept = known ?? fallback;
      nameWeight.set(name, concept ? this.engine.retriever.conceptWeight(concept) : Infinity);
    }
    return { claim, language, numbers, names, negations, content, nameConcepts, nameWeight };
  }

  private side(which: 'text' | 'translation', text: string): SentenceSide {
    return { which, text, numbers: findNumbers(text), names: knownNames(text, this.engine.glossary), negated: findNegations(text).length > 0 };
  }

  /**
   * What a sentence leans on: the sentence before it in the same paragraph ("이들은 …") and the
   * section head it falls under (a meeting's section: "they attended"), as one set of tokens.
   */
  private context(passage: Passage): Passage | undefined {
    const passages = this.engine.passages;
    const at = passages.indexOf(passage);
    const before = passages[at - 1];
    const previous = before && before.sentence.document === passage.sentence.document && before.sentence.block === passage.sentence.block ? before : undefined;
    const { document, section } = passage.sentence;
    const head = section === null ? undefined : passages.find((p) => p.sentence.document === document && p.sentence.kind === 'section' && p.sentence.text === section && p !== passage);
    if (!previous && !head) return undefined;
    return { ...passage, tokens: new Set([...(previous?.tokens ?? []), ...(head?.tokens ?? [])]) };
  }

  /** Compares one candidate sentence with the statement. */
  private assess(facts: ClaimFacts, ranked: RankedPassage): Assessment {
    const passage = ranked.passage;
    const sides = [this.side('text', passage.sentence.text), ...(passage.translation ? [this.side('translation', passage.translation)] : [])];
    const context = this.context(passage);
    /** Share of the statement's content the sentence carries (leaning on its context, or not), leaving out the given names. */
    const about = (without: readonly NameMention[], withContext: boolean) => {
      if (!facts.content) return 1;
      const left = new Set(without.flatMap((n) => facts.nameConcepts.get(n) ?? []));
      const concepts = facts.content.concepts.filter((_, i) => !left.has(i));
      return concepts.length === 0 ? 1 : this.engine.retriever.support({ ...facts.content, concepts }, passage, undefined, withContext ? context : undefined);
    };
    const differences: Difference[] = [];
    const marks = { text: [] as Mark[], translation: [] as Mark[] };
    const mark = (side: SentenceSide, spans: ReadonlyArray<{ start: number; end: number }>) => {
      for (const s of spans) if (!marks[side.which].some((m) => m.start === s.start)) marks[side.which].push({ start: s.start, end: s.end, text: side.text.slice(s.start, s.end) });
    };
    let missing = false;
    // What differs is reported in the statement's language where the sentence has that side.
    const sameLanguage = sides.find((s) => (facts.language === 'en' ? s.which === 'translation' : s.which === 'text')) ?? sides[0]!;

    // Numbers: each claimed number must be in the sentence; another value of its kind contradicts.
    for (const claimed of facts.numbers) {
      const standings = sides.map((s) => ({ side: s, standing: standing(claimed, s.numbers) }));
      if (standings.some((s) => s.standing.status === 'agrees')) continue;
      const differing = standings.flatMap((s) => (s.standing.status === 'differs' ? [{ side: s.side, others: s.standing.others }] : []));
      if (differing.length > 0) {
        for (const d of differing) mark(d.side, d.others);
        const shown = differing.find((d) => d.side === sameLanguage) ?? differing[0]!;
        differences.push({ kind: 'number', claim: claimed.text, article: shown.others.map((n) => n.text) });
      } else if (claimed.value !== 1 || claimed.dimension === 'rate') {
        // "a year", "한 번": a lone one is too often an article or a manner of speaking to demand
        // (but "once a year" is a frequency the sentence must give).
        missing = true;
      }
    }

    // Names: a claimed name the sentence lacks is replaced when the sentence names another of its
    // kind (or, for an unknown name, another name standing where it stands); else it is missing.
    const claimEntries = new Set(facts.names.flatMap((n) => (n.entry ? [n.entry] : [])));
    const isPresent = (name: NameMention) => name.entry !== null && sides.some((s) => s.names.some((n) => n.entry === name.entry));
    const sameWord = (a: string, b: string) => stemEnglish(a) === stemEnglish(b);
    const replaced: Array<{ name: NameMention; kind: string; by: Array<{ side: SentenceSide; names: NameMention[] }> }> = [];
    let otherMissing = false;
    for (const name of facts.names) {
      if (isPresent(name)) continue;
      const by = sides.map((side) => {
        const unclaimed = side.names.filter((n) => !claimEntries.has(n.entry!));
        return { side, names: name.kind ? unclaimed.filter((n) => n.kind === name.kind) : namesInSameSlot(name, facts.claim, side.text, unclaimed, sameWord) };
      });
      if (by.some((b) => b.names.length > 0)) {
        replaced.push({ name, kind: name.kind ?? by.flatMap((b) => b.names)[0]!.kind ?? '', by });
      } else if (name.certain && (facts.nameWeight.get(name) ?? Infinity) >= DEFAULT_WEIGHTS.distinctiveName) {
        // A rare name the sentence does not mention: it does not carry the statement.
        otherMissing = true;
      }
    }
    // Names replaced by one kind only (a list of companies, a place) make a difference; a statement
    // whose company and country both differ (or that misses another rare name) is about something else.
    const kinds = new Set(replaced.map((r) => r.kind));
    const replacedNames: NameMention[] = [];
    if (replaced.length > 0 && kinds.size === 1 && !otherMissing) {
      replacedNames.push(...replaced.map((r) => r.name));
      for (const r of replaced) {
        for (const b of r.by) mark(b.side, b.names);
        const shown = r.by.find((b) => b.side === sameLanguage && b.names.length > 0) ?? r.by.find((b) => b.names.length > 0)!;
        differences.push({ kind: 'name', claim: r.name.text, article: shown.names.map((n) => n.text) });
      }
    } else if (replaced.length > 0 || otherMissing) {
      missing = true;
    }
    const association = this.associationDifference(facts, sides);
    if (association) {
      differences.push(association.difference);
      mark(association.side, [association.span]);
    }
    const named = (start: number) => facts.names.some((n) => start >= n.start && start < n.end);
    for (const side of [sameLanguage, ...sides.filter((x) => x !== sameLanguage)]) {
      for (const variant of termVariants(facts.claim, side.text, (w) => this.has(w))) {
        if (named(facts.claim.indexOf(variant.claim)) || differences.some((d) => d.claim === variant.claim)) continue;
        differences.push({ kind: 'term', claim: variant.claim, article: [variant.article] });
        mark(side, [variant]);
      }
    }

    // Negation: compared in the statement's own language where the sentence has that side.
    const claimNegated = facts.negations.length > 0;
    if (claimNegated !== sameLanguage.negated) {
      const negation = findNegations(sameLanguage.text);
      mark(sameLanguage, negation);
      differences.push({ kind: 'negation', claim: facts.negations.map((n) => n.text).join(' '), article: negation.map((n) => n.text) });
    }

    const topic = about(replacedNames, true);
    // Support needs the sentence itself to say what the statement says of its names; context
    // (the paragraph, the section head) only fills in (`참석했다` under a section head naming the meeting).
    const ownSay = about(facts.names, false);
    const supported = topic >= this.policy.supported && ownSay >= this.policy.ownShare && differences.length === 0 && !missing;
    // A difference contradicts only a statement the sentence otherwise carries whole.
    const contradicted = topic >= this.policy.sameThing && differences.length > 0 && !missing;
    for (const list of [marks.text, marks.translation]) list.sort((a, b) => a.start - b.start);
    const claimedKinds = new Set(facts.names.map((n) => n.kind));
    const others = new Set(sides.flatMap((side) => side.names.filter((n) => claimedKinds.has(n.kind) && !claimEntries.has(n.entry!)).map((n) => n.entry)));
    return { ranked, topic, namesPresent: facts.names.filter(isPresent).length, otherNames: others.size, supported, contradicted, differences, marks };
  }

  /**
   * A person and a company named together in the statement (`김민준 … 애크미 회장`) but apart in the
   * sentence, where the person stands with another company (`김민준 보노 회장, 박서연 애크미 회장`).
   */
  private associationDifference(facts: ClaimFacts, sides: readonly SentenceSide[]): { difference: Difference; side: SentenceSide; span: NameMention } | null {
    const people = facts.names.filter((n) => n.kind === 'person' && n.entry);
    const companies = facts.names.filter((n) => n.kind === 'company' && n.entry);
    for (const person of people) {
      for (const company of companies) {
        if (/[,;]/u.test(facts.claim.slice(Math.min(person.end, company.end), Math.max(person.start, company.start)))) continue;
        for (const side of sides) {
          const p = side.names.find((n) => n.entry === person.entry);
          const c = side.names.find((n) => n.entry === company.entry);
          if (!p || !c) continue;
          const clauseOf = (at: number) => side.text.slice(0, at).split(/[,;]/u).length;
          if (clauseOf(p.start) === clauseOf(c.start)) continue;
          const partner = side.names.find((n) => n.kind === 'company' && n.entry !== company.entry && clauseOf(n.start) === clauseOf(p.start));
          if (!partner) continue;
          return { difference: { kind: 'name', claim: company.text, article: [partner.text] }, side, span: partner };
        }
      }
    }
    return null;
  }

  private citation(assessment: Assessment, n: number, language: Language, withMarks: boolean): ClaimCitation {
    const passage: Passage = assessment.ranked.passage;
    const base: ClaimCitation = {
      n,
      id: passage.sentence.id,
      document: passage.sentence.document,
      text: passage.sentence.text,
      score: citationScore(assessment.ranked.score),
      marks: withMarks ? assessment.marks.text : [],
    };
    if (language === 'en' && passage.translation) {
      base.translation = passage.translation;
      base.translationMarks = withMarks ? assessment.marks.translation : [];
    }
    return base;
  }
}
