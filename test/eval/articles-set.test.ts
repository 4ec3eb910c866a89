import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// Validity of the invented-article set (see articles.README.md): the data must be sound before any
// score computed from it means anything. Deliberately independent of src/ so the set stays blind to the engine.

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTICLE_DIR = path.join(HERE, 'articles');
const QUESTIONS_FILE = path.join(HERE, 'articles.questions.json');

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

const questions: ArticleQuestion[] = z.array(questionSchema).parse(JSON.parse(readFileSync(QUESTIONS_FILE, 'utf8')));
const articleFiles = readdirSync(ARTICLE_DIR).filter((name) => name.endsWith('.txt')).sort();
const articleText = new Map(articleFiles.map((name) => [name, readFileSync(path.join(ARTICLE_DIR, name), 'utf8')]));

/** Whitespace- and case-folded form, so a question retyped with other spacing still counts as the same. */
const questionKey = (q: string) => q.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

describe('invented articles', () => {
  it('has four Korean and four English articles, each non-empty UTF-8 text', () => {
    expect(articleFiles.filter((name) => name.endsWith('.ko.txt'))).toHaveLength(ARTICLES_PER_LANGUAGE);
    expect(articleFiles.filter((name) => name.endsWith('.en.txt'))).toHaveLength(ARTICLES_PER_LANGUAGE);
    for (const [name, text] of articleText) {
      expect(text.trim().length, name).toBeGreaterThan(0);
      expect(text, name).not.toContain('\uFFFD');
    }
  });

  it('every question names an article that exists, and every article has questions', () => {
    for (const item of questions) expect(existsSync(path.join(ARTICLE_DIR, item.article)), item.article).toBe(true);
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
