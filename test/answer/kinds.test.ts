import { describe, expect, it } from 'vitest';
import { KindLexicon } from '../../src/answer/kinds.js';
import type { Participant } from '../../src/corpus/participants.js';

const aland = { ko: '가나라', en: 'Aland', aliases: ['가나라', 'aland', 'alandic'] };

function participant(fields: Partial<Participant> & Pick<Participant, 'name' | 'nameEn'>): Participant {
  return { kind: 'company', country: 'AA', event: 'fair', eventName: { ko: '무역 박람회', en: 'trade fair' }, countryName: aland, citation: { id: 'S1', text: '' }, ...fields };
}

describe('KindLexicon', () => {
  const lexicon = KindLexicon.build(
    [
      participant({ name: '애크미', nameEn: 'Acme', person: '김철수', personEn: 'Kim Cheol-su' }),
      // An official speaks for a government body or a country: its "name" is not a company.
      participant({ kind: 'official', name: '가나라', nameEn: 'Aland', person: '이영희', personEn: 'Lee Young-hee', event: 'treaty', eventName: { ko: '조약 서명', en: 'treaty signing' } }),
    ],
    [
      { ko: ['애크미', '애크미그룹'], en: ['Acme', 'Acme Group'] },
      { ko: ['무역 박람회', '박람회'], en: ['trade fair', 'fair'] },
    ],
  );

  it('finds countries, companies, people and events, with offsets into the text', () => {
    const text = '박람회에 온 애크미 김철수 씨는 가나라 사람?';
    expect(lexicon.find(text).map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['event', '박람회'],
      ['company', '애크미'],
      ['person', '김철수'],
      ['country', '가나라'],
    ]);
  });

  it('widens a name through the glossary entry that shares one of its forms', () => {
    const [span] = lexicon.find('Who came from Acme Group?');
    expect(span).toMatchObject({ kind: 'company', thing: lexicon.find('애크미')[0]!.thing });
  });

  it("keeps an official's body or country out of the companies", () => {
    expect(lexicon.find('Aland').map((s) => s.kind)).toEqual(['country']);
  });

  it('matches English forms only on word boundaries', () => {
    expect(lexicon.find('Acmeville fairground')).toEqual([]);
  });

  it('finds nothing when empty', () => {
    expect(KindLexicon.empty().find('애크미')).toEqual([]);
  });
});
