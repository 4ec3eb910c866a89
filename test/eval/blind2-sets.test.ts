import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCorpus } from '../../src/corpus/load.js';
import { findConversationProblems, loadConversations, type Conversation } from '../../src/eval/conversations.js';
import { questionKey } from '../../src/eval/question-set-problems.js';

/**
 * Validity of the blind2 sets (written blind, see README): their shape, labels and ids only. These
 * sets measure how the engine generalises, so no engine runs here and nothing here is tuned on them.
 */
const EVAL_DIR = 'test/eval';
const CONVERSATIONS = path.join(EVAL_DIR, 'blind2.conversations.json');
const STYLES = ['casual', 'paraphrase', 'spelling', 'headline', 'yes-no', 'counting', 'list', 'wh', 'code-mix'] as const;

const styledQuestion = z.object({ q: z.string().min(1), gold: z.array(z.string()), type: z.string(), style: z.enum(STYLES) }).strict();

/** Every question text of a file in test/eval, whatever its format (question sets, conversations, claims). */
function questionTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(questionTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = [record.q, record.claim].filter((v): v is string => typeof v === 'string');
  return [...own, ...Object.values(record).filter((v) => typeof v === 'object').flatMap(questionTexts)];
}

let sentenceIds: Set<string>;

beforeAll(async () => {
  const corpus = await loadCorpus('seeds');
  sentenceIds = new Set(corpus.documents.flatMap((d) => d.sentences.map((s) => s.id)));
});

describe.each(['ko', 'en'] as const)('blind2.%s.json', (language) => {
  let questions: z.infer<typeof styledQuestion>[];

  beforeAll(async () => {
    questions = z.array(styledQuestion).parse(JSON.parse(await readFile(path.join(EVAL_DIR, `blind2.${language}.json`), 'utf8')));
  });

  it('labels every question with one of the nine styles, each style used at least five times', () => {
    for (const style of STYLES) expect(questions.filter((x) => x.style === style).length, style).toBeGreaterThanOrEqual(5);
  });

  it('has unanswerable questions in every style but the headline one', () => {
    const styles = new Set(questions.filter((x) => x.gold.length === 0).map((x) => x.style));
    expect([...styles].sort()).toEqual(STYLES.filter((s) => s !== 'headline').sort());
  });
});

describe('blind2.conversations.json', () => {
  let conversations: Conversation[];

  beforeAll(async () => {
    conversations = await loadConversations(CONVERSATIONS);
  });

  it('has 16 conversations, 8 per language, with ids b2-<language>-NN', () => {
    expect(conversations).toHaveLength(16);
    for (const language of ['ko', 'en'] as const) {
      const mine = conversations.filter((c) => c.language === language);
      expect(mine, language).toHaveLength(8);
      for (const c of mine) expect(c.id).toMatch(new RegExp(`^b2-${language}-\\d{2}$`));
    }
  });

  it('passes the conversation validator: known gold ids, none twice, no first turn marked as a follow-up, unique ids', () => {
    expect(findConversationProblems(conversations, sentenceIds)).toEqual([]);
  });

  it('has follow-up turns in every conversation and at least four self-contained later turns', () => {
    for (const c of conversations) expect(c.turns.some((t) => t.followUp), c.id).toBe(true);
    const selfContainedLater = conversations.flatMap((c) => c.turns.slice(1)).filter((t) => !t.followUp);
    expect(selfContainedLater.length).toBeGreaterThanOrEqual(4);
  });

  it('asks no question that another file in test/eval already asks, nor one twice', async () => {
    const files = (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.json') && f !== path.basename(CONVERSATIONS));
    const others = new Set((await Promise.all(files.map(async (f) => questionTexts(JSON.parse(await readFile(path.join(EVAL_DIR, f), 'utf8')))))).flat().map(questionKey));
    const mine = conversations.flatMap((c) => c.turns.map((t) => t.q));
    expect(mine.filter((q) => others.has(questionKey(q)))).toEqual([]);
    const keys = mine.map(questionKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
