import { beforeAll, expect, it } from 'vitest';
import { createMemoryEngine, type QaEngine } from '../../src/answer/engine.js';

// An invented bike-sharing report: two sentences carry numbers and the bike; only one counts bikes (대).
const ARTICLE = [
  '나래시, 공유 자전거 확대',
  '나래시는 공유 자전거 이용객이 지난해 12만 명으로 늘었다고 5일 밝혔다.',
  '시는 올해 공유 자전거 800대를 대여소 60곳에 새로 배치한다.',
  '자전거 도로는 2026년까지 15㎞ 늘어난다.',
].join('\n');

let engine: QaEngine;
beforeAll(async () => {
  engine = await createMemoryEngine(new Map([['bikes.ko.txt', ARTICLE]]));
});

it('ranks first the sentence that counts in the counter asked for (몇 대 → 800대), not one with any number', async () => {
  const ranked = await engine.rank('공유 자전거 몇 대야?', 3);
  expect(ranked[0]!.passage.sentence.text).toContain('800대');
  const byPeople = await engine.rank('공유 자전거 몇 명이 탔어?', 3);
  expect(byPeople[0]!.passage.sentence.text).toContain('12만 명');
});
