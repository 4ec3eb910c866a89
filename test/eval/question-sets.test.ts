import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCorpus } from '../../src/corpus/load.js';
import { loadQuestionSet, type EvalQuestion } from '../../src/eval/question-set.js';
import { findQuestionSetProblems, findRepeatsAcrossSets, questionKey, type NamedQuestionSet } from '../../src/eval/question-set-problems.js';

const EVAL_DIR = 'test/eval';
/** Not an article question set: questions about outside paragraphs, checked on their own below. */
const EXTERNAL_SET = 'external-unanswerable.json';
/** Not question sets either: two- and three-turn conversations (`conversations.json`, `blind2.conversations.json`), checked in their own tests. */
const isConversationSet = (file: string) => file.endsWith('conversations.json');
/** Not seed question sets: questions about the invented articles in `articles/` to `articles4/` (`articles.questions.json` to `articles4.questions.json`), checked in `articles-set.test.ts`. */
const isArticlesSet = (file: string) => /^articles\d*\.questions\.json$/.test(file);
/** Shared outside data (see its SOURCES.md); lives next to the checkouts, never inside the project. */
const EXTERNAL_DIR = path.resolve('..', 'shared', 'external');

const q = (text: string, gold: string[], type = 'what'): EvalQuestion => ({ q: text, gold, type });

describe('findQuestionSetProblems', () => {
  const ids = new Set(['S1', 'S2']);

  it('accepts a sound set', () => {
    expect(findQuestionSetProblems([{ name: 'a', questions: [q('one?', ['S1']), q('two?', [], 'unanswerable')] }], ids)).toEqual([]);
  });

  it('reports a gold id the article does not have', () => {
    expect(findQuestionSetProblems([{ name: 'a', questions: [q('one?', ['S1', 'S99'])] }], ids)).toEqual([
      'a #1 "one?": gold id S99 is not a sentence of the article',
    ]);
  });

  it('reports a gold id listed twice', () => {
    expect(findQuestionSetProblems([{ name: 'a', questions: [q('one?', ['S1', 'S1'])] }], ids)).toHaveLength(1);
  });

  it('reports an unanswerable question with gold ids, and an empty gold list without the label', () => {
    const problems = findQuestionSetProblems([{ name: 'a', questions: [q('one?', ['S1'], 'unanswerable'), q('two?', [])] }], ids);
    expect(problems).toEqual([
      'a #1 "one?": marked unanswerable but has gold ids',
      'a #2 "two?": empty gold but not marked unanswerable',
    ]);
  });

  it('reports the same question twice in a set, ignoring case, spacing and end punctuation', () => {
    const problems = findQuestionSetProblems([{ name: 'a', questions: [q('Who  signed?', ['S1']), q('who signed', ['S2'])] }], ids);
    expect(problems).toEqual(['a #2 "who signed": same question as a #1']);
  });

  it('leaves repeats across sets to findRepeatsAcrossSets, which reports each once with its sets', () => {
    const sets = [
      { name: 'a', questions: [q('Who signed?', ['S1']), q('Where?', ['S2'])] },
      { name: 'b', questions: [q('WHO SIGNED?!', ['S1'])] },
    ];
    expect(findQuestionSetProblems(sets, ids)).toEqual([]);
    expect(findRepeatsAcrossSets(sets)).toEqual(['"Who signed?": a, b']);
  });

  it('keeps different questions apart', () => {
    expect(questionKey('몇 곳?')).not.toBe(questionKey('몇 명?'));
  });
});

describe('the question sets in test/eval', () => {
  let sets: NamedQuestionSet[];
  let knownIds: Set<string>;

  beforeAll(async () => {
    const corpus = await loadCorpus('seeds');
    knownIds = new Set(corpus.documents.flatMap((d) => d.sentences.map((s) => s.id)));
    // The claim sets (claims*.json) have their own format and test (claims.test.ts).
    const files = (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.json') && f !== EXTERNAL_SET && !isArticlesSet(f) && !isConversationSet(f) && !f.startsWith('claims')).sort();
    sets = await Promise.all(files.map(async (f) => ({ name: f, questions: await loadQuestionSet(path.join(EVAL_DIR, f)) })));
  });

  it('finds the sets, each non-empty', () => {
    expect(sets.map((s) => s.name)).toEqual(expect.arrayContaining(['blind2.en.json', 'blind2.ko.json', 'blind3.en.json', 'blind3.ko.json', 'blind4.en.json', 'blind4.ko.json', 'blind5.en.json', 'blind5.ko.json', 'blind6.en.json', 'blind6.ko.json', 'blind7.en.json', 'blind7.ko.json', 'blind8.en.json', 'blind8.ko.json', 'fresh.en.json', 'fresh.ko.json', 'questions.ko.json']));
    for (const set of sets) expect(set.questions.length, set.name).toBeGreaterThan(0);
  });

  it('have valid gold ids, no repeated question, and empty gold exactly on unanswerable questions', () => {
    expect(findQuestionSetProblems(sets, knownIds)).toEqual([]);
  });

  it('share no question across sets beyond the three known held-out/tuning repeats', () => {
    // Known leak, found by this test: these held-out questions also stand in the tuning set (only the
    // capital letter differs). Listed
    // exactly so that a new repeat fails, and so does fixing these without updating the list.
    expect(findRepeatsAcrossSets(sets).sort()).toEqual(
      [
        '"who hosted the business roundtable?": heldout.en.json, questions.en.json',
        '"where was the roundtable?": heldout.en.json, questions.en.json',
        '"who represented Samsung?": heldout.en.json, questions.en.json',
      ].sort(),
    );
  });

  it('keep the fresh sets at 70 questions, 55 answerable and 15 not', () => {
    for (const name of ['fresh.ko.json', 'fresh.en.json']) {
      const questions = sets.find((s) => s.name === name)!.questions;
      expect(questions, name).toHaveLength(70);
      expect(questions.filter((x) => x.gold.length === 0), name).toHaveLength(15);
    }
  });

  it('keep the blind2 sets at 60 questions, 46 answerable and 14 not', () => {
    for (const name of ['blind2.ko.json', 'blind2.en.json']) {
      const questions = sets.find((s) => s.name === name)!.questions;
      expect(questions, name).toHaveLength(60);
      expect(questions.filter((x) => x.gold.length === 0), name).toHaveLength(14);
    }
  });
});

const externalEntry = z.object({ id: z.string(), q: z.string().min(1), lang: z.enum(['ko', 'en']) }).strict();
const paragraph = z.object({ id: z.string(), context: z.string(), qas: z.array(z.object({ q: z.string() })) });

async function readParagraphs(file: string): Promise<z.infer<typeof paragraph>[]> {
  const text = await readFile(path.join(EXTERNAL_DIR, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => paragraph.parse(JSON.parse(line)));
}

const hasExternal = existsSync(path.join(EXTERNAL_DIR, 'korquad.dev.jsonl'));
if (!hasExternal) console.log(`Skipping the ${EXTERNAL_SET} checks: ${EXTERNAL_DIR} is absent (a plain clone has no ../shared).`);

describe.skipIf(!hasExternal)(`${EXTERNAL_SET} (questions that look answerable from an outside paragraph but are not)`, () => {
  let entries: z.infer<typeof externalEntry>[];
  let paragraphs: Map<string, z.infer<typeof paragraph>>;
  let firstThirty: Record<'ko' | 'en', string[]>;

  beforeAll(async () => {
    entries = z.array(externalEntry).parse(JSON.parse(await readFile(path.join(EVAL_DIR, EXTERNAL_SET), 'utf8')));
    const [korquad, squad] = await Promise.all([readParagraphs('korquad.dev.jsonl'), readParagraphs('squad.dev.jsonl')]);
    paragraphs = new Map([...korquad, ...squad].map((p) => [p.id, p]));
    firstThirty = { ko: korquad.slice(0, 30).map((p) => p.id), en: squad.slice(0, 30).map((p) => p.id) };
  });

  it('asks two questions about each of the first 30 paragraphs of each file, in that file’s language', () => {
    for (const lang of ['ko', 'en'] as const) {
      const ids = entries.filter((e) => e.lang === lang).map((e) => e.id);
      expect(ids, lang).toEqual(firstThirty[lang].flatMap((id) => [id, id]));
    }
  });

  it('has no repeated question', () => {
    const keys = entries.map((e) => questionKey(e.q));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('words its own questions: none is a source question or a piece of the paragraph', () => {
    const copied = entries.filter((e) => {
      const source = paragraphs.get(e.id)!;
      return source.context.includes(e.q) || source.qas.some((qa) => questionKey(qa.q) === questionKey(e.q));
    });
    expect(copied).toEqual([]);
  });
});
