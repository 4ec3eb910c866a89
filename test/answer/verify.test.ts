import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/types.js';
import { unfaithfulCitations, type SourceLookup } from '../../src/answer/verify.js';
import { buildCorpus } from '../../src/corpus/load.js';

const RAW = '가람시, 강변 야간 드론쇼 매달 연다\n행사에는 드론 500대가 동원된다. 김가람 시장은 "명소로 만들겠다"고 말했다.\n';
const corpus = buildCorpus(new Map([['garam.ko.txt', RAW]]));
const doc = corpus.documents[0]!;
const source: SourceLookup = {
  sentence: (document, id) => (document === doc.slug ? doc.sentences.find((s) => s.id === id) : undefined),
  raw: (document) => corpus.raw.get(document),
};
const cite = (over: Partial<Citation> = {}): Citation => ({ n: 1, id: 'S2', document: 'garam', text: '행사에는 드론 500대가 동원된다.', score: 0.9, ...over });

describe('unfaithfulCitations', () => {
  it('passes citations that quote their sentence exactly', () => {
    expect(doc.sentences.map((s) => s.text)).toContain(cite().text);
    expect(unfaithfulCitations([cite(), cite({ n: 2, id: 'S1', text: '가람시, 강변 야간 드론쇼 매달 연다' })], source)).toEqual([]);
  });

  it('flags a quote that differs by one character', () => {
    const bad = cite({ text: '행사에는 드론 600대가 동원된다.' });
    expect(unfaithfulCitations([cite(), bad], source)).toEqual([bad]);
  });

  it('flags a quote with different whitespace or a trimmed period', () => {
    expect(unfaithfulCitations([cite({ text: '행사에는  드론 500대가 동원된다.' })], source)).toHaveLength(1);
    expect(unfaithfulCitations([cite({ text: '행사에는 드론 500대가 동원된다' })], source)).toHaveLength(1);
  });

  it('flags a true sentence cited under the wrong id', () => {
    expect(unfaithfulCitations([cite({ id: 'S3' })], source)).toHaveLength(1);
  });

  it('flags a citation of an unknown sentence or document', () => {
    expect(unfaithfulCitations([cite({ id: 'S99' })], source)).toHaveLength(1);
    expect(unfaithfulCitations([cite({ document: 'other' })], source)).toHaveLength(1);
  });

  it('flags a sentence whose text is not in the raw scrape', () => {
    const lying: SourceLookup = { ...source, raw: () => RAW.replace('500대', '5백대') };
    expect(unfaithfulCitations([cite()], lying)).toHaveLength(1);
  });
});
