import { describe, expect, it } from 'vitest';
import { checkMessageText, cleanMessage, MAX_CLAIMS, MAX_MESSAGE_LENGTH, splitClaims } from '../../src/answer/claim-split.js';

describe('splitClaims', () => {
  it('splits at sentence ends, line breaks and Korean clause ends, even without punctuation', () => {
    expect(splitClaims('삼성이 미국에 20조 투자한대 미국 기업은 10곳 왔대').claims).toEqual(['삼성이 미국에 20조 투자한대', '미국 기업은 10곳 왔대']);
    expect(splitClaims('라운드테이블엔 16개 기업이 왔고 MOU는 하얏트에서 맺었대요').claims).toEqual(['라운드테이블엔 16개 기업이 왔고', 'MOU는 하얏트에서 맺었대요']);
    expect(splitClaims('The MOU was signed on the 22nd.\nTen US companies attended.').claims).toEqual(['The MOU was signed on the 22nd.', 'Ten US companies attended.']);
  });

  it('leaves out mentions, links, custom emoji, markdown, laughter and asides without content', () => {
    expect(cleanMessage('<@123456789012345678> **봐봐** <:pepe:123456789012345678> https://example.com/x')).not.toMatch(/<@|https|\*\*|pepe/);
    expect(splitClaims('<@123456789012345678> @everyone 미국 기업은 10곳 왔대 ㅋㅋㅋ 😂\n맞죠?').claims).toEqual(['미국 기업은 10곳 왔대']);
    expect(splitClaims('ㅋㅋㅋ 👍').claims).toEqual([]);
  });

  it(`checks at most ${MAX_CLAIMS} statements and counts the rest`, () => {
    const text = Array.from({ length: 8 }, (_, i) => `미국 기업은 ${i + 1}곳 왔다.`).join(' ');
    expect(splitClaims(text)).toEqual({ claims: Array.from({ length: MAX_CLAIMS }, (_, i) => `미국 기업은 ${i + 1}곳 왔다.`), omitted: 3 });
  });

  it('cuts an over-long statement into pieces a check accepts (500 characters)', () => {
    const long = Array.from({ length: 120 }, () => '기업').join(' 그리고 ');
    for (const piece of splitClaims(long).claims) expect([...piece].length).toBeLessThanOrEqual(500);
  });
});

describe('checkMessageText', () => {
  it('refuses an empty text and one longer than a Discord message can be', () => {
    expect(checkMessageText('  \n ')).toMatchObject({ ok: false, problem: { code: 'empty' } });
    expect(checkMessageText('가'.repeat(MAX_MESSAGE_LENGTH + 1))).toMatchObject({ ok: false, problem: { code: 'too-long' } });
    expect(checkMessageText('가'.repeat(MAX_MESSAGE_LENGTH))).toMatchObject({ ok: true });
  });
});
