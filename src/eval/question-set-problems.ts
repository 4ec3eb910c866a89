import type { EvalQuestion } from './question-set.js';

/** Type label that marks a question the article cannot answer; such a question must have no gold ids. */
export const UNANSWERABLE_TYPE = 'unanswerable';

/** A question set under check, named so problems can say where they are. */
export interface NamedQuestionSet {
  name: string;
  questions: readonly EvalQuestion[];
}

/**
 * Normal form used to spot the same question written twice: case, width, spacing and closing
 * punctuation do not make a question new.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!~]+$/u, '')
    .trim();
}

/**
 * Every problem found within each question set: gold ids the article does not have, an id listed
 * twice, the unanswerable label and an empty gold list disagreeing, and the same question asked twice
 * in one set. Returns human-readable messages; an empty list means the sets are sound.
 */
export function findQuestionSetProblems(sets: readonly NamedQuestionSet[], knownIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { name, questions } of sets) {
    const seen = new Map<string, number>();
    questions.forEach((question, index) => {
      const where = `${name} #${index + 1} "${question.q}"`;
      for (const id of question.gold) {
        if (!knownIds.has(id)) problems.push(`${where}: gold id ${id} is not a sentence of the article`);
      }
      if (new Set(question.gold).size !== question.gold.length) problems.push(`${where}: a gold id is listed twice`);
      const unanswerable = question.type === UNANSWERABLE_TYPE;
      if (unanswerable && question.gold.length > 0) problems.push(`${where}: marked ${UNANSWERABLE_TYPE} but has gold ids`);
      if (!unanswerable && question.gold.length === 0) problems.push(`${where}: empty gold but not marked ${UNANSWERABLE_TYPE}`);
      const key = questionKey(question.q);
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${where}: same question as ${name} #${first + 1}`);
      else seen.set(key, index);
    });
  }
  return problems;
}

/**
 * Questions asked in more than one set, as `"<question>": <set>, <set>` lines. A question shared by a
 * tuning set and a held-out set lets tuning leak into the held-out measure.
 */
export function findRepeatsAcrossSets(sets: readonly NamedQuestionSet[]): string[] {
  const owners = new Map<string, { text: string; sets: string[] }>();
  for (const { name, questions } of sets) {
    for (const question of questions) {
      const key = questionKey(question.q);
      const entry = owners.get(key) ?? { text: question.q, sets: [] };
      if (!entry.sets.includes(name)) entry.sets.push(name);
      owners.set(key, entry);
    }
  }
  return [...owners.values()].filter((e) => e.sets.length > 1).map((e) => `"${e.text}": ${e.sets.join(', ')}`);
}
