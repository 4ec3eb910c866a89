import { describe, expect, it } from 'vitest';
import { hasSummaryCue, summarySentences } from '../../src/answer/summary.js';
import { tinyPassages } from '../search/tiny-corpus.js';

const ids = (ps: { sentence: { id: string } }[]) => ps.map((p) => p.sentence.id);

describe('hasSummaryCue', () => {
  it('hears a request for the gist in either language', () => {
    for (const q of ['이 기사 요약해줘', '무슨 내용이야?', '핵심만 간추려 줘', '기사 내용 정리해줘', '이 기사 뭐에 관한 거야?', 'Summarize the article', 'tl;dr', 'What is this story about?', 'Give me an overview', 'main points?', 'Sum it up']) {
      expect(hasSummaryCue(q), q).toBe(true);
    }
  });

  it('does not hear one in an ordinary question', () => {
    for (const q of ['Who opened the bridge?', '축제는 언제 열려?', 'What was the mayor talking about?', 'Is the library summer-only?']) {
      expect(hasSummaryCue(q), q).toBe(false);
    }
  });
});

describe('summarySentences', () => {
  const article = tinyPassages([
    { kind: 'headline', sentences: ['River town opens new bridge'] },
    { kind: 'subheadline', sentences: ['Mayor promises a second crossing'] },
    { sentences: ['The town of Elm opened its new bridge on Monday.', 'Hundreds walked across it.'] },
    { kind: 'section', sentences: ['Costs'] },
    { sentences: ['The bridge cost 4 million euros.'] },
  ]);

  it('takes the headline, the lead and the sub-headlines, in article order', () => {
    expect(ids(summarySentences(article, 4))).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('keeps the headline and the lead when fewer fit', () => {
    expect(ids(summarySentences(article, 2))).toEqual(['S1', 'S3']);
  });

  it('falls back to the first body sentences of a text without headings, never a section head', () => {
    const plain = tinyPassages([{ sentences: ['Bees dance to point at flowers.', 'The dance encodes distance.', 'Scouts lead the swarm.'] }]);
    expect(ids(summarySentences(plain, 2))).toEqual(['S1', 'S2']);
    expect(summarySentences(article, 10).map((p) => p.sentence.kind)).not.toContain('section');
  });
});
