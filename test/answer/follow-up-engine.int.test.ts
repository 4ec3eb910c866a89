import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, QuestionError, type QaEngine } from '../../src/answer/engine.js';

/** The engine's conversation hook: `ask(question, { previous })` on the real article. */
let engine: QaEngine;
let indexDir: string;

beforeAll(async () => {
  indexDir = mkdtempSync(path.join(tmpdir(), 'qa-follow-up-'));
  engine = await createEngine({ config: { SEEDS_DIR: 'seeds', INDEX_DIR: indexDir, EMBEDDING_DIM: 256 } });
});

afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe('ask with a previous question', () => {
  it('reads "미국은?" after the Korean companies as the US companies, and says how it read it', async () => {
    const result = await engine.ask('미국은?', { previous: '라운드테이블에 참석한 한국 기업은?' });
    expect(result.question).toBe('미국은?');
    expect(result.readAs).toBe('라운드테이블에 참석한 미국 기업은?');
    expect(result.answered).toBe(true);
    expect(result.citations.map((c) => c.id)).toEqual(['S25']);
  });

  it('without a previous question the same follow-up is read alone (no readAs) and misses', async () => {
    const result = await engine.ask('미국은?');
    expect(result).not.toHaveProperty('readAs');
    expect(result.citations.map((c) => c.id)).not.toContain('S25');
  });

  it('"where?" after "Who signed the supply chain MOU?" finds the signing sentence, in English', async () => {
    const result = await engine.ask('where?', { previous: 'Who signed the supply chain MOU?' });
    expect(result.language).toBe('en');
    expect(result.readAs).toBe('signed the supply chain MOU, where?');
    expect(result.citations[0]?.id).toBe('S10');
    expect(result.citations[0]?.translation).toContain('Hyatt');
  });

  it('answers in the language of the follow-up, not of the previous question', async () => {
    const result = await engine.ask('and where was it held?', { previous: '비즈니스 라운드테이블 누가 주재했어?' });
    expect(result.language).toBe('en');
    expect(result.readAs).toBeDefined();
  });

  it('leaves a self-contained question exactly as asked alone', async () => {
    const alone = await engine.ask('IPEF가 뭐야?');
    const after = await engine.ask('IPEF가 뭐야?', { previous: '삼성에서는 누가 왔어?' });
    expect(after).not.toHaveProperty('readAs');
    expect({ ...after, ms: 0 }).toEqual({ ...alone, ms: 0 });
  });

  it('does not lend an unrelated previous question to a question the article cannot answer', async () => {
    const result = await engine.ask('How much did Samsung invest in the US?', { previous: 'Who attended the roundtable from Korea?' });
    expect(result.answered).toBe(false);
    expect(result).not.toHaveProperty('readAs');
  });

  it('does not lean on the previous question when the article has this one\'s words but not in the sentence found', async () => {
    const result = await engine.ask('이 기사 쓴 기자 이름이 뭐야?', { previous: '라운드테이블 몇 시간 동안 했어?' });
    expect(result.answered).toBe(false);
    expect(result).not.toHaveProperty('readAs');
  });

  it('asks past what the previous answer cited when the follow-up wants more ("또 뭘 제안했어?")', async () => {
    const previous = '이 장관이 중소기업 관련해서 뭘 부탁했어?';
    expect((await engine.ask(previous)).citations[0]?.id).toBe('S14');
    const reading = await engine.inspect('그 회담에서 또 뭘 제안했어?', 3, { previous });
    expect(reading.cue).toBe('more');
    const ids = reading.ranked.map((r) => r.passage.sentence.id);
    expect(ids).not.toContain('S14');
    expect(ids.some((id) => id === 'S15' || id === 'S21')).toBe(true);
  });

  it('keeps a cited list of names for "who else?": the others are in it', async () => {
    const result = await engine.ask('who else?', { previous: 'Who attended from the US, was Google one of them?' });
    expect(result.citations.map((c) => c.id)).toContain('S25');
    const reading = await engine.inspect('who else?', 3, { previous: 'Who attended from the US, was Google one of them?' });
    expect(reading.ranked[0]?.passage.sentence.id).toBe('S25');
  });

  it('reads "각각 몇 곳씩이야?" as counting what the previous question listed', async () => {
    const result = await engine.ask('각각 몇 곳씩이야?', { previous: '라운드테이블에 미국 기업은 어디어디 나왔어?' });
    expect(result.readAs).toBeDefined();
    expect(result.answered).toBe(true);
    expect(result.citations.map((c) => c.id)).toContain('S25');
  });

  it('ignores a previous question that is not a question (empty, emoji), and still refuses a bad question', async () => {
    expect((await engine.ask('IPEF가 뭐야?', { previous: '   ' })).answered).toBe(true);
    expect((await engine.ask('where?', { previous: '😀😀' })).readAs).toBeUndefined();
    await expect(engine.ask('   ', { previous: 'Who signed the MOU?' })).rejects.toBeInstanceOf(QuestionError);
  });

  it('inspect says why a question was read with the previous one', async () => {
    expect((await engine.inspect('SK는?', 3, { previous: '삼성에서는 누가 왔어?' })).cue).toBe('fragment');
    expect((await engine.inspect('who else?', 3, { previous: 'Who attended from the US?' })).cue).toBe('more');
    expect((await engine.inspect('IPEF가 뭐야?', 3, { previous: '삼성에서는 누가 왔어?' })).cue).toBeUndefined();
  });
});
