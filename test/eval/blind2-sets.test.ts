import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { findConversationProblems, loadConversations, type Conversation } from '../../src/eval/conversations.js';
import { questionKey } from '../../src/eval/question-set-problems.js';
import { checkStyles, EVAL_DIR, loadStyledSet, otherQuestionKeys, type StyledQuestion } from './styled-sets.js';

/**
 * Validity of the blind2 sets (written blind, see README): their shape, labels and ids only. These
 * sets measure how the engine generalises, so no engine runs here and nothing here is tuned on them.
 */
const CONVERSATIONS = path.join(EVAL_DIR, 'blind2.conversations.json');

let sentenceIds: Set<string>;

beforeAll(async () => {
  const corpus = await loadCorpus('seeds');
  sentenceIds = new Set(corpus.documents.flatMap((d) => d.sentences.map((s) => s.id)));
});

describe.each(['ko', 'en'] as const)('blind2.%s.json', (language) => {
  let questions: StyledQuestion[];

  beforeAll(async () => {
    questions = await loadStyledSet(`blind2.${language}.json`);
  });

  checkStyles(() => questions);
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
    const others = await otherQuestionKeys([path.basename(CONVERSATIONS)]);
    const mine = conversations.flatMap((c) => c.turns.map((t) => t.q));
    expect(mine.filter((q) => others.has(questionKey(q)))).toEqual([]);
    const keys = mine.map(questionKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
