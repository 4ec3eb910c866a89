import { analyzeQuestionText, conceptMatch, type Concept } from '../search/query.js';
import type { Passage } from '../search/passages.js';
import { analyzeText } from '../search/tokenize.js';

/** "What did X say / tell / comment": X is who the question asks to have spoken. */
const ENGLISH_SPEAKER = /\bwhat (?:did|does|do|has|have|had) (.{1,60}?) (?:say|said|tell|told|comment|remark)\b/iu;
/** "X는 … 뭐라고 했어", "X가 뭐라 말했어": the subject or topic before 뭐라. */
const KOREAN_SPEAKER = /([^\s?]+(?:\s+[^\s?]+)?)(?:은|는|이|가|께서)\s+(?:[^?]{0,40}\s)?뭐라/u;

/** Titles and bodies that speak, in either language. */
const TITLE = /장관|대통령|총리|회장|부회장|사장|대표|본부장|의원|위원장|대변인|정부|부처|\b(?:minister|secretary|president|chairman|chairwoman|chair|ceo|chief|executive|director|spokes(?:man|woman|person)|official|government|ministry|department|mayor|governor|senator|king|queen|leader)s?\b/iu;

/** The words of a statement question that name its speaker, if it names one. */
export function askedSpeakerPhrase(question: string): string | null {
  return (ENGLISH_SPEAKER.exec(question) ?? KOREAN_SPEAKER.exec(question))?.[1] ?? null;
}

/** The question's concepts that name its speaker (with their glossary forms in both languages). */
export function speakerConcepts(question: string, concepts: readonly Concept[]): Concept[] {
  const phrase = askedSpeakerPhrase(question);
  if (phrase === null) return [];
  const keys = new Set(analyzeQuestionText(phrase).map((w) => w.key));
  const named = concepts.filter((c) => c.alternatives.some((a) => a.some((w) => keys.has(w.key))));
  // Only a person or a body speaks: a name, or a title ("the ministers"); "the fair" is where things were said.
  // A Korean speaker is marked as the subject or topic (`X는 뭐라고`), which an event rarely is.
  return named.some((c) => c.properName) || TITLE.test(phrase) || /\p{Script=Hangul}/u.test(phrase) ? named : [];
}

/** Double quotation marks, straight or curly: what someone is reported to have said. Single quotes mark names in Korean news. */
const QUOTED = /"[^"]*"|“[^”]*”/gu;

/** An English verb that reports speech or a stance; its subject is the speaker. */
const ENGLISH_REPORTING = /\b(?:said|says|stated|stressed|noted|added|explained|told|asked|urged|called for|proposed|suggested|argued|remarked|commented|announced|declared|emphasi[sz]ed|insisted|warned|conveyed|agreed|discussed)\b/iu;
/** "said X", "according to X": the speaker after the verb. */
const ENGLISH_SPEAKER_AFTER = /\b(?:said|according to)\s+((?:\S+\s+){0,3}\S+)/iu;
/** Words of the subject before the reporting verb that are kept (the name and its title). */
const SUBJECT_WORDS = 6;
/** Subjects that stand for someone named before: the speaker is whoever that was. */
const PRONOUN_SUBJECT = /^(?:he|she|they|it|we|i|this|these|the latter|the former)$/iu;
/** A Korean sentence that carries its subject over from the sentence before (`또`, `아울러`, `이들은`, `그는`). */
const KOREAN_CARRIED_SUBJECT = /^(?:또|또한|아울러|이어|이어서|특히|한편|이들|이들은|이들이|그는|그녀는|그들은|이는)(?=[\s,]|$)/u;
/** A Korean word marked as the subject or topic: 은/는/이/가/께서, not a place or means in topic (`에서는`, `으로는`). */
const KOREAN_SUBJECT_WORD = /^(?![^\s]*(?:에서는|에는|로는|에선|에게는|와는|과는)$)[^\s]+(?:은|는|이|가|께서)$/u;
/** Words before the subject-marked one that belong to it (`김민수 장관은`, `양국 정부가`). */
const KOREAN_SUBJECT_WORDS = 3;

type SpeakerReading = 'speaker' | 'other' | 'unknown';

function englishSubject(text: string): string | null {
  const verb = ENGLISH_REPORTING.exec(text);
  if (!verb) return null;
  // The subject opens the clause the verb ends: "…, Minister Lee also stressed", "They also assessed … and discussed".
  const clause = text.slice(0, verb.index).split(/[,;:()]/u).at(-1)!.trim().split(/\s+/u).filter((w) => w !== '');
  if (PRONOUN_SUBJECT.test((clause[0] ?? '').replace(/\W/gu, ''))) return null;
  const subject = [...clause.slice(0, SUBJECT_WORDS), ENGLISH_SPEAKER_AFTER.exec(text)?.[1] ?? ''].join(' ').trim();
  return subject === '' ? null : subject;
}

function koreanSubject(text: string): string | null {
  const words = text.trim().split(/\s+/u);
  if (KOREAN_CARRIED_SUBJECT.test(words[0] ?? '')) return null;
  const at = words.findIndex((w) => KOREAN_SUBJECT_WORD.test(w));
  return at < 0 ? null : words.slice(Math.max(0, at - KOREAN_SUBJECT_WORDS + 1), at + 1).join(' ');
}

/** Who a text reports as speaking, read outside its quotations: the asked speaker, someone else, or not said. */
function readSpeaker(text: string, speaker: readonly Concept[]): SpeakerReading {
  const plain = text.replace(QUOTED, ' ');
  const subject = /\p{Script=Hangul}/u.test(plain) ? koreanSubject(plain) : englishSubject(plain);
  if (subject === null) return 'unknown';
  const tokens = new Set(analyzeText(subject).flatMap((w) => [w.key, ...w.parts]));
  return speaker.some((c) => conceptMatch(c, tokens) === 1) ? 'speaker' : 'other';
}

/** Per passage, per asked speaker: whether the passage reports someone else speaking. */
const readings = new WeakMap<Passage, Map<string, boolean>>();

/**
 * True when the passage reports someone else speaking: its subject, read outside quotations, is
 * named and is not the asked speaker ("The council said, 'Hale came with *Okafor*…'" or "The two
 * towns agreed…, on the occasion of *Okafor*'s visit" for "What did Okafor say?"). A sentence
 * whose subject is a pronoun or carried over ("He also stressed", "아울러 …") may be theirs.
 */
export function reportsAnotherSpeaker(speaker: readonly Concept[], passage: Passage): boolean {
  if (speaker.length === 0) return false;
  let cached = readings.get(passage);
  if (!cached) readings.set(passage, (cached = new Map()));
  const key = speaker.map((c) => c.label).join('\u0000');
  let known = cached.get(key);
  if (known === undefined) {
    const found = [passage.sentence.text, passage.translation].filter((t): t is string => t !== undefined).map((t) => readSpeaker(t, speaker));
    known = !found.includes('speaker') && found.includes('other');
    cached.set(key, known);
  }
  return known;
}

