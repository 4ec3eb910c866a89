import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import { LexicalEmbeddings } from '../../src/search/lexical-embeddings.js';

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / (norm(a) * norm(b));

const CORPUS = [
  '한국 측에서는 이재용 삼성전자 부회장 등 8개 대기업 관계자가 라운드테이블에 참석했다.',
  '이창양 장관과 러만도 상무장관은 서울 하얏트호텔에서 양해각서를 체결했다.',
  '양국은 반도체 공급망 협력을 논의했다.',
  '올해는 한미 자유무역협정 발효 10주년이다.',
];

describe('LexicalEmbeddings', () => {
  it('is a LangChain Embeddings', () => {
    expect(new LexicalEmbeddings()).toBeInstanceOf(Embeddings);
  });

  it('returns vectors of the configured dimension, and says so in its id', () => {
    const e = new LexicalEmbeddings({ dimension: 64 });
    expect(e.embedSync('라운드테이블')).toHaveLength(64);
    expect(e.dimension).toBe(64);
    expect(e.id).not.toBe(new LexicalEmbeddings({ dimension: 128 }).id);
  });

  it('is deterministic: separate instances give identical vectors, and the async methods match', async () => {
    const a = new LexicalEmbeddings().fit(CORPUS);
    const b = new LexicalEmbeddings().fit(CORPUS);
    const text = '라운드테이블에 참석한 한국 기업은?';
    expect(await a.embedQuery(text)).toEqual(await b.embedQuery(text));
    expect((await a.embedDocuments([text, CORPUS[0]!]))[0]).toEqual(a.embedSync(text));
  });

  it('L2-normalises every vector that has content', () => {
    const e = new LexicalEmbeddings().fit(CORPUS);
    for (const text of [...CORPUS, 'Which American companies took part?', 'a b c 반']) {
      const v = e.embedSync(text);
      if (v.some((x) => x !== 0)) expect(norm(v)).toBeCloseTo(1, 10);
    }
  });

  it('gives a finite vector (no NaN) for text with no content words', () => {
    const v = new LexicalEmbeddings().embedSync('   ?! 누가 뭐야');
    expect(v.every(Number.isFinite)).toBe(true);
  });

  it('puts a paraphrase closer than an unrelated sentence', () => {
    const e = new LexicalEmbeddings().fit(CORPUS);
    const question = e.embedSync('라운드테이블에 참석한 기업은 어디야?');
    const paraphrase = e.embedSync(CORPUS[0]!);
    const unrelated = e.embedSync(CORPUS[3]!);
    expect(cosine(question, paraphrase)).toBeGreaterThan(cosine(question, unrelated));
    const en = e.embedSync('which companies attended');
    expect(cosine(en, e.embedSync('the companies that attended the roundtable'))).toBeGreaterThan(cosine(en, e.embedSync('steel tariffs and trade')));
  });

  it('weights by inverse document frequency once fitted: a rare word counts more than a common one', () => {
    const fitted = new LexicalEmbeddings().fit(['기업 반도체', '기업 철강', '기업 배터리']);
    const text = fitted.embedSync('기업 철강');
    expect(text).not.toEqual(new LexicalEmbeddings().embedSync('기업 철강'));
    expect(cosine(text, fitted.embedSync('철강'))).toBeGreaterThan(cosine(text, fitted.embedSync('기업')));
  });
});
