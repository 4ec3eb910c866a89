import { describe, expect, it } from 'vitest';
import { findNegations, isNegated, withoutNegations } from '../../src/answer/negation.js';

describe('negation', () => {
  it.each([
    ['이재용 부회장은 참석하지 않았다', '지 않았다'],
    ['이재용 부회장은 안 왔어', '안'],
    ['미국은 못 왔대', '못'],
    ['그런 말은 없었다', '없었다'],
    ['그건 사실이 아니다', '아니다'],
    ['신동빈 회장은 불참했다', '불참했다'],
    ['Raimondo did not accompany Biden', 'not'],
    ["Korea won't take part", "won't"],
    ['Shin Dong-bin skipped the roundtable', 'skipped'],
    ['no US companies attended', 'no'],
  ])('finds the negation in "%s"', (text, found) => {
    expect(findNegations(text).map((n) => n.text)).toEqual([found]);
  });

  it.each(['차별 없는 혜택을 요청했다', '투자기업뿐만 아니라 중소기업도', 'not only benefits but also support', '참석하지 않은 기업은 없다고'.slice(0, 9)])('leaves a modifier or "not only" alone: "%s"', (text) => {
    expect(isNegated(text)).toBe(false);
  });

  it('keeps a quoted denial (않겠다는 뜻)', () => {
    expect(isNegated('IPEF에 참여하지 않겠다는 뜻을 전했다')).toBe(true);
  });

  it('takes the negation out but keeps the verb, for matching what a statement is about', () => {
    expect(withoutNegations('러만도 장관은 방한하지 않았다')).toBe('러만도 장관은 방한했다');
    expect(withoutNegations('Lee Jae-yong did not attend')).toBe('Lee Jae-yong did attend');
  });
});
