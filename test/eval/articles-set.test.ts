import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// Validity of the invented-article sets (see articles.README.md): the data must be sound before any
// score computed from it means anything. Deliberately independent of src/ so the sets stay blind to the engine.

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Each set: a folder of articles and the file of questions about them. */
const SETS = [
  { dir: 'articles', questionsFile: 'articles.questions.json' },
  { dir: 'articles2', questionsFile: 'articles2.questions.json' },
  { dir: 'articles3', questionsFile: 'articles3.questions.json' },
  { dir: 'articles4', questionsFile: 'articles4.questions.json' },
] as const;

const QUESTIONS_PER_ARTICLE = 12;
const UNANSWERABLE_PER_ARTICLE = 3;
const ARTICLES_PER_LANGUAGE = 4;
const EVIDENCE_MIN = 10;
const EVIDENCE_MAX = 60;
const TYPES = ['who', 'what', 'where', 'when', 'how-many', 'how-much', 'how', 'why', 'yes-no', 'list', 'unanswerable'] as const;

const questionSchema = z.object({
  article: z.string().regex(/^[a-z0-9-]+\.(ko|en)\.txt$/),
  q: z.string().min(1),
  evidence: z.array(z.string()),
  type: z.enum(TYPES),
});
type ArticleQuestion = z.infer<typeof questionSchema>;

interface LoadedSet {
  dir: string;
  questionsFile: string;
  articleDir: string;
  questions: ArticleQuestion[];
  articleFiles: string[];
  articleText: Map<string, string>;
}

function loadSet(dir: string, questionsFile: string): LoadedSet {
  const articleDir = path.join(HERE, dir);
  const questions = z.array(questionSchema).parse(JSON.parse(readFileSync(path.join(HERE, questionsFile), 'utf8')));
  const articleFiles = readdirSync(articleDir).filter((name) => name.endsWith('.txt')).sort();
  const articleText = new Map(articleFiles.map((name) => [name, readFileSync(path.join(articleDir, name), 'utf8')]));
  return { dir, questionsFile, articleDir, questions, articleFiles, articleText };
}

const sets = SETS.map(({ dir, questionsFile }) => loadSet(dir, questionsFile));

/** Whitespace- and case-folded form, so a question retyped with other spacing still counts as the same. */
const questionKey = (q: string) => q.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

describe.each(sets)('invented articles in $dir/ with $questionsFile', (set) => {
  const { questions, articleFiles, articleText, articleDir } = set;

  it('has four Korean and four English articles, each non-empty UTF-8 text', () => {
    expect(articleFiles.filter((name) => name.endsWith('.ko.txt'))).toHaveLength(ARTICLES_PER_LANGUAGE);
    expect(articleFiles.filter((name) => name.endsWith('.en.txt'))).toHaveLength(ARTICLES_PER_LANGUAGE);
    for (const [name, text] of articleText) {
      expect(text.trim().length, name).toBeGreaterThan(0);
      expect(text, name).not.toContain('\uFFFD');
    }
  });

  it('every question names an article that exists, and every article has questions', () => {
    for (const item of questions) expect(existsSync(path.join(articleDir, item.article)), item.article).toBe(true);
    expect([...new Set(questions.map((item) => item.article))].sort()).toEqual(articleFiles);
  });

  it.each(articleFiles)('%s has 12 questions, 3 of them unanswerable', (name) => {
    const own = questions.filter((item) => item.article === name);
    expect(own).toHaveLength(QUESTIONS_PER_ARTICLE);
    expect(own.filter((item) => item.type === 'unanswerable')).toHaveLength(UNANSWERABLE_PER_ARTICLE);
  });

  it('evidence is empty exactly on unanswerable questions', () => {
    for (const item of questions) {
      if (item.type === 'unanswerable') expect(item.evidence, item.q).toEqual([]);
      else expect(item.evidence.length, item.q).toBeGreaterThan(0);
    }
  });

  it('every evidence string occurs verbatim in its article, on one line, within one sentence', () => {
    for (const item of questions) {
      const text = articleText.get(item.article) ?? '';
      for (const evidence of item.evidence) {
        expect(text.includes(evidence), `${item.article}: ${evidence}`).toBe(true);
        expect(evidence, item.q).not.toMatch(/[\r\n]/);
        expect(evidence.length, evidence).toBeGreaterThanOrEqual(EVIDENCE_MIN);
        expect(evidence.length, evidence).toBeLessThanOrEqual(EVIDENCE_MAX);
        // A sentence end followed by a space would mean the substring runs into the next sentence.
        expect(evidence, evidence).not.toMatch(/[.!?]["'”’]?\s/);
      }
      expect(new Set(item.evidence).size, item.q).toBe(item.evidence.length);
    }
  });

  it('no question is asked twice', () => {
    const seen = new Set<string>();
    for (const item of questions) {
      const key = questionKey(item.q);
      expect(seen.has(key), item.q).toBe(false);
      seen.add(key);
    }
  });
});

describe('the invented-article sets together', () => {
  // Each set is meant to be held out from the others, so nothing may be shared between them.
  it('share no article file name', () => {
    const owners = new Map<string, string>();
    for (const set of sets) {
      for (const name of set.articleFiles) {
        expect(owners.get(name), `${name} in ${set.dir}/`).toBeUndefined();
        owners.set(name, set.dir);
      }
    }
  });

  it('share no question', () => {
    const owners = new Map<string, string>();
    for (const set of sets) {
      for (const key of new Set(set.questions.map((item) => questionKey(item.q)))) {
        expect(owners.get(key), `${set.questionsFile}: ${key}`).toBeUndefined();
        owners.set(key, set.questionsFile);
      }
    }
  });
});
