import { beforeAll, expect, it } from 'vitest';
import { createMemoryEngine, type QaEngine } from '../../src/answer/engine.js';

// An invented council report: the agenda is a ▲ list in one sentence; another sentence names the agenda without the list.
const ARTICLE = [
  '시의회, 항구 정비 계획 의결',
  '시의회는 3일 본회의를 열고 항구 정비 계획을 의결했다.',
  '시의회는 앞으로 매년 ▲ 준설 ▲ 방파제 보강 ▲ 어시장 이전 등 항구 의제를 논의하기로 했다.',
  '의원들은 항구 의제가 지역 경제의 핵심이라고 강조했다.',
].join('\n');

let engine: QaEngine;
beforeAll(async () => {
  engine = await createMemoryEngine(new Map([['council.ko.txt', ARTICLE]]));
});

it('ranks the sentence with the ▲ list first when the question quotes the marker', async () => {
  const ranked = await engine.rank('▲ 표시된 항구 의제 뭐뭐야?', 3);
  expect(ranked[0]!.passage.sentence.text).toContain('▲ 준설');
});
