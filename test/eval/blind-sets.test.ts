import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { questionKey, UNANSWERABLE_TYPE } from '../../src/eval/question-set-problems.js';
import { checkStyles, loadStyledSet, otherQuestionKeys, type StyledQuestion } from './styled-sets.js';

/**
 * Validity of the blind3 to blind8 sets (written blind, see README): their shape, labels, counts and
 * ids only. These sets measure how the engine generalises, so no engine runs here and nothing here is
 * tuned on them. (blind2, which comes with conversations, has its own test.)
 */
const SETS = ['blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8'] as const;
const LANGUAGES = ['ko', 'en'] as const;
const setFile = (set: (typeof SETS)[number], language: (typeof LANGUAGES)[number]) => `${set}.${language}.json`;

let sentenceIds: Set<string>;

beforeAll(async () => {
  const corpus = await loadCorpus('seeds');
  sentenceIds = new Set(corpus.documents.flatMap((d) => d.sentences.map((s) => s.id)));
});

describe.each(SETS)('%s', (set) => {
  let otherFilesKeys: Set<string>;

  beforeAll(async () => {
    otherFilesKeys = await otherQuestionKeys(LANGUAGES.map((language) => setFile(set, language)));
  });

  describe.each(LANGUAGES)(`${set}.%s.json`, (language) => {
    let questions: StyledQuestion[];

    beforeAll(async () => {
      questions = await loadStyledSet(setFile(set, language));
    });

    it('has 60 questions, 46 answerable and 14 unanswerable', () => {
      expect(questions).toHaveLength(60);
      expect(questions.filter((x) => x.gold.length > 0)).toHaveLength(46);
      expect(questions.filter((x) => x.gold.length === 0)).toHaveLength(14);
    });

    it('marks exactly the questions with empty gold as unanswerable, and cites only sentences of the article, each once', () => {
      for (const x of questions) {
        expect(x.type === UNANSWERABLE_TYPE, x.q).toBe(x.gold.length === 0);
        expect(x.gold.filter((id) => !sentenceIds.has(id)), x.q).toEqual([]);
        expect(new Set(x.gold).size, x.q).toBe(x.gold.length);
      }
    });

    checkStyles(() => questions);

    it('asks no question that another file in test/eval already asks, nor one twice', () => {
      const keys = questions.map((x) => questionKey(x.q));
      expect(questions.filter((x) => otherFilesKeys.has(questionKey(x.q))).map((x) => x.q)).toEqual([]);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    });
  });
});
