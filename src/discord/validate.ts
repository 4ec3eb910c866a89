/**
 * Server-side validation of command options. Discord validates too, but a client, a stale
 * command registration or a crafted request can send anything; nothing here throws.
 *
 * @module
 */
import { checkQuestion, MAX_QUESTION_LENGTH } from '../answer/question.js';
import type { InputProblem } from './i18n.js';
import { SENTENCE_ID } from './sentences.js';

/** A validated value, or why it was refused (with what to show the user). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: InputProblem; detail: { max?: number; value?: string } };

const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** Longest sentence-id input accepted (a document slug, `#`, and an id). */
export const MAX_ID_LENGTH = 100;

/**
 * A question: text, not empty once control and format characters are removed, within
 * {@link MAX_QUESTION_LENGTH} code points, with at least one letter or digit.
 */
export function validateQuestion(raw: unknown): Checked<string> {
  if (typeof raw !== 'string') return { ok: false, problem: 'empty', detail: {} };
  const checked = checkQuestion(raw);
  if (checked.ok) return { ok: true, value: checked.question };
  return { ok: false, problem: checked.problem.code, detail: { max: MAX_QUESTION_LENGTH } };
}

/** A sentence id as typed (`S14`, `14`, `document#S14`). */
export function validateSentenceId(raw: unknown): Checked<string> {
  if (typeof raw !== 'string') return { ok: false, problem: 'bad-id', detail: { value: '' } };
  const value = raw.replace(CONTROL, '').trim();
  // Echo at most a short, single-line excerpt of what was typed.
  const shown = [...value].slice(0, 20).join('');
  if (value === '' || [...value].length > MAX_ID_LENGTH || !SENTENCE_ID.test(value)) return { ok: false, problem: 'bad-id', detail: { value: shown } };
  return { ok: true, value };
}

/** An optional choice: `null` when absent, else one of `allowed`. */
export function validateChoice<T extends string>(raw: unknown, allowed: readonly T[]): Checked<T | null> {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return { ok: true, value: raw as T };
  return { ok: false, problem: 'bad-choice', detail: {} };
}

/** An optional boolean: `fallback` when absent. */
export function validateFlag(raw: unknown, fallback: boolean): Checked<boolean> {
  if (raw === null || raw === undefined) return { ok: true, value: fallback };
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  return { ok: false, problem: 'bad-option', detail: {} };
}

/**
 * The raw value of a top-level option, whatever its type (discord.js's typed getters throw when
 * the type does not match; validation wants to see the value and refuse it politely instead).
 */
export function rawOption(options: { get(name: string): { value?: unknown } | null }, name: string): unknown {
  try {
    return options.get(name)?.value ?? null;
  } catch {
    return undefined;
  }
}
