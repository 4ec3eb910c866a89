/**
 * Words a chat statement wraps its content in (`앞으로`, `같이`, `뜻을 전했다`, `apparently`,
 * `among`): when the article does not use such a word, it says nothing the article could carry or
 * contradict, so the check leaves it out instead of counting it as missing content. General Korean
 * and English, not any article's vocabulary.
 *
 * @module
 */

/** Folded fillers, matched against a word as written, without its particle, and as analysed. */
export const STATEMENT_FILLERS: ReadonlySet<string> = new Set([
  // Korean: adverbs, hedges, framing nouns and reporting phrases
  '앞으로', '같이', '같은', '처럼', '정도', '진짜', '정말', '완전', '대박', '아마', '원래', '이미', '벌써', '다시', '결국', '무려',
  '거의', '다들', '역시', '일단', '그냥', '근데', '그런데', '그리고', '그래서', '그럼', '암튼', '아무튼', '장소', '날짜', '일시', '시기',
  '뜻', '입장', '소식', '사실', '얘기', '이야기', '기사', '뉴스', '보도', '이었음', '였음', '이었어', '였어', '이었대', '였대', '이래',
  '이라는데', '라는데', '라던데', '하던데', '들었는데', '들었어', '보니까', '보니', '듯', '같아', '같음', '것', '거', '씩', '각각', '자격', '신분', '사람', '사람들', '쪽',
  // English: hedges, framing and reporting words
  'also', 'really', 'actually', 'apparently', 'reportedly', 'heard', 'hear', 'seems', 'seem', 'seemingly', 'guess', 'think', 'basically',
  'literally', 'officially', 'news', 'venue', 'place', 'date', 'location', 'lol', 'btw', 'fyi', 'heads', 'up', 'among', 'only', 'just',
  'even', 'both', 'including', 'includ', 'total', 'altogether', 'indeed', 'so', 'yeah', 'yes', 'right', 'turns', 'out', 'way',
]);
