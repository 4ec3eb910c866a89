import { describe, expect, it } from 'vitest';
import { dateLead, startOrEndLead } from '../../src/answer/dates.js';

describe('dateLead', () => {
  it('finds the first concrete date a Korean sentence states', () => {
    expect(dateLead('시장은 21일 시청에서 계약을 맺었다.', 'ko')).toBe('21일');
    expect(dateLead('또 지난해 11월 합의한 계획을 다시 논의했다.', 'ko')).toBe('지난해 11월');
    expect(dateLead('다리는 1896년 3월에 완공됐다.', 'ko')).toBe('1896년 3월');
  });

  it('finds English dates: month names, "on the 21st", years', () => {
    expect(dateLead('The mayor signed it on May 21, 2022 at city hall.', 'en')).toBe('May 21, 2022');
    expect(dateLead('The council on the 21st approved the plan.', 'en')).toBe('On the 21st');
    expect(dateLead('The bridge opened in 1896.', 'en')).toBe('1896');
    expect(dateLead('LISBON, Feb 6 (Wire) - The council voted on Thursday.', 'en')).toBe('Feb 6');
    expect(dateLead('They met in March.', 'en')).toBe('March');
    expect(dateLead('Mar the bridge, they said.', 'en')).toBeNull();
  });

  it('gives nothing for words that only point at a date, a bare "this year", or an ordinal that counts', () => {
    expect(dateLead('이날 시청에서는 행사도 열렸다.', 'ko')).toBeNull();
    expect(dateLead('올해가 개관 10주년이 되는 해다.', 'ko')).toBeNull();
    expect(dateLead('This year marks the 10th anniversary of the bridge.', 'en')).toBeNull();
    expect(dateLead('Volunteers painted the fence.', 'en')).toBeNull();
  });
});

describe('startOrEndLead', () => {
  it('gives the time a thing lasts until ("언제까지?") or starts from ("언제부터?"), not the date it was announced', () => {
    const korean = '시는 지원 사업을 내년 말까지 연장한다고 2일 밝혔다.';
    expect(startOrEndLead('언제까지 연장돼?', korean, 'ko')).toBe('내년 말');
    expect(startOrEndLead('언제 발표했어?', korean, 'ko')).toBeNull();
    expect(startOrEndLead('Until when does the scheme run?', 'The city said on Monday the scheme would run until the end of next year.', 'en')).toBe('Until the end of next year');
    expect(startOrEndLead('언제까지 해?', '축제는 5일까지 열린다.', 'ko')).toBe('5일');
    expect(startOrEndLead('언제까지 해?', '축제는 5일 열린다.', 'ko')).toBeNull();
    expect(startOrEndLead('언제부터야?', '시는 내년 3월부터 교복비를 지원한다고 5일 밝혔다.', 'ko')).toBe('내년 3월');
    expect(startOrEndLead('From when does it apply?', 'The charge applies from September 1, the council said on Monday.', 'en')).toBe('From September 1');
  });
});
