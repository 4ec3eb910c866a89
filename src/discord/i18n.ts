/**
 * The bot's own words in Korean and English, and how a Discord locale picks between them.
 *
 * @module
 */

/** Language of the bot's interface text. */
export type UiLocale = 'ko' | 'en';

/** Korean for Discord's `ko` locale, English for every other one. */
export function uiLocale(discordLocale: string | null | undefined): UiLocale {
  return discordLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Why an option value was refused. */
export type InputProblem = 'empty' | 'too-long' | 'no-words' | 'bad-id' | 'bad-choice' | 'bad-option';

/** Every interface string, per language. */
export interface Strings {
  sources: string;
  relatedHeading: string;
  relatedField: (id: string) => string;
  unanswered: string;
  /** How a follow-up was read together with the previous question. */
  followingUp: (reading: string) => string;
  answeredIn: (ms: number) => string;
  cooldown: (seconds: number, perMinute: number) => string;
  problem: (problem: InputProblem, detail: { max?: number; value?: string }) => string;
  apology: string;
  /** To a user whose interaction came in, or could not be finished, while the bot was stopping. */
  restarting: string;
  expiredButton: string;
  unknownCommand: string;
  feedbackThanks: (vote: 'up' | 'down') => string;
  /** A user's second click on the other button of the same answer. */
  feedbackChanged: (vote: 'up' | 'down') => string;
  /** The same button clicked again: one vote per person per answer. */
  feedbackUnchanged: (vote: 'up' | 'down') => string;
  sourcesTitle: string;
  noSuchSentence: (id: string) => string;
  ambiguousSentence: (id: string) => string;
  before: string;
  after: string;
  section: string;
  participantsTitle: string;
  participantsSummary: (count: number) => string;
  participantsFilter: (filters: string[]) => string;
  noParticipants: string;
  kind: Record<'company' | 'official', string>;
  moreOmitted: (n: number) => string;
  helpTitle: string;
  helpIntro: (title: string, publisher: string | null, sentences: number) => string;
  helpCommands: string;
  helpCommandLines: (maxLength: number, perMinute: number) => string[];
  helpExamples: string;
  helpExampleLines: string[];
  helpHow: string;
  helpHowText: string;
}

const ko: Strings = {
  sources: '출처',
  relatedHeading: '기사에서 가장 가까운 문장입니다. 답의 근거가 아니라 관련 문장으로만 보여 드립니다.',
  relatedField: (id) => `관련 문장 · ${id}`,
  unanswered: '기사에 이 질문에 대한 답이 없습니다.',
  followingUp: (reading) => `이전 질문에 이어: ${reading}`,
  answeredIn: (ms) => `${formatMs(ms)} 소요`,
  cooldown: (seconds, perMinute) => `질문은 1분에 ${perMinute}개까지 받을 수 있습니다. ${seconds}초 뒤에 다시 물어봐 주세요.`,
  problem: (problem, { max, value }) =>
    ({
      empty: '질문이 비어 있습니다. 기사에 대해 궁금한 점을 적어 주세요.',
      'too-long': `질문이 너무 깁니다. ${max ?? ''}자 이내로 줄여 주세요.`,
      'no-words': '질문에 글자가 없습니다. 숫자나 이모지만으로는 물을 수 없어요, 단어로 물어봐 주세요.',
      'bad-id': `"${value ?? ''}"은(는) 문장 번호가 아닙니다. S14처럼 입력하거나 자동 완성에서 골라 주세요.`,
      'bad-choice': '선택할 수 없는 값입니다. 목록에서 골라 주세요.',
      'bad-option': '명령의 입력값을 읽을 수 없습니다. 다시 시도해 주세요.',
    })[problem],
  apology: '죄송합니다. 요청을 처리하다 문제가 생겼습니다. 잠시 뒤에 다시 시도해 주세요.',
  restarting: '봇이 다시 시작하는 중이라 답하지 못했습니다. 잠시 뒤에 다시 물어봐 주세요.',
  expiredButton: '이 버튼이 가리키는 답변을 찾을 수 없습니다. /ask로 다시 물어봐 주세요.',
  unknownCommand: '알 수 없는 명령입니다. 명령 목록이 곧 갱신됩니다.',
  feedbackThanks: (vote) => (vote === 'up' ? '👍 의견 고맙습니다. 기록했습니다.' : '👎 의견 고맙습니다. 기록했고 답변 개선에 쓰겠습니다.'),
  feedbackChanged: (vote) => `의견을 ${vote === 'up' ? '👍' : '👎'}(으)로 바꿨습니다. 고맙습니다.`,
  feedbackUnchanged: (vote) => `이미 ${vote === 'up' ? '👍' : '👎'}(으)로 기록돼 있습니다. 답변 하나에 한 사람당 한 표만 셉니다.`,
  sourcesTitle: '인용 문장과 앞뒤 문맥',
  noSuchSentence: (id) => `기사에 ${id} 문장이 없습니다. 자동 완성에서 골라 주세요.`,
  ambiguousSentence: (id) => `${id}는 여러 기사에 있습니다. 자동 완성에서 기사와 함께 골라 주세요.`,
  before: '앞 문장',
  after: '뒤 문장',
  section: '소제목',
  participantsTitle: '참석자',
  participantsSummary: (count) => `기사에 나온 기업과 정부 관계자 ${count}명(곳)입니다.`,
  participantsFilter: (filters) => `조건: ${filters.join(', ')}`,
  noParticipants: '조건에 맞는 참석자가 기사에 없습니다.',
  kind: { company: '기업', official: '정부 관계자' },
  moreOmitted: (n) => `(길이 제한으로 ${n}개 생략)`,
  helpTitle: '도움말',
  helpIntro: (title, publisher, sentences) =>
    `이 봇은 기사 한 편에 대한 질문에 답합니다: **${title}**${publisher ? ` (${publisher})` : ''}, ${sentences}문장. 답은 기사 문장을 그대로 인용하며, 인터넷에 접속하지 않습니다.`,
  helpCommands: '명령',
  helpCommandLines: (max, perMinute) => [
    `\`/질문\` (\`/ask\`): 기사에 대해 묻습니다. ${max}자 이내, 1분에 ${perMinute}개까지. \`비공개\`를 켜면 나만 봅니다.`,
    '`/참석자` (`/participants`): 참석한 기업과 정부 관계자를 국가·구분별로 보여 줍니다.',
    '`/출처` (`/source`): 문장 번호(S14 등)로 문장과 앞뒤 문맥, 영어 번역을 봅니다.',
    '`/도움말` (`/help`): 이 안내입니다.',
  ],
  helpExamples: '예시 질문',
  // General examples: they must fit whatever article is in the seeds folder.
  helpExampleLines: ['이 기사 요약해줘', '누가 참석했어?', '언제 어디서 열렸어?', 'Who signed it?'],
  helpHow: '답변 읽는 법',
  helpHowText:
    '답의 [1], [2] 표시는 아래 인용 문장 번호입니다. "출처" 버튼은 인용 문장의 앞뒤 문맥을, 👍/👎 버튼은 답변 평가를 남깁니다. 기사에 답이 없으면 그렇다고 말하고 가까운 문장을 "관련 문장"으로만 보여 줍니다.',
};

const en: Strings = {
  sources: 'Sources',
  relatedHeading: 'The closest sentences in the article, shown as related, not as support for an answer.',
  relatedField: (id) => `Related · ${id}`,
  unanswered: 'The article does not answer this question.',
  followingUp: (reading) => `Following up on: ${reading}`,
  answeredIn: (ms) => `answered in ${formatMs(ms)}`,
  cooldown: (seconds, perMinute) => `You can ask up to ${perMinute} questions a minute. Please try again in ${seconds} s.`,
  problem: (problem, { max, value }) =>
    ({
      empty: 'The question is empty: ask something about the article.',
      'too-long': `The question is too long: please keep it under ${max ?? ''} characters.`,
      'no-words': 'The question has no letters in it: numbers or emoji alone are not a question, please ask in words.',
      'bad-id': `"${value ?? ''}" is not a sentence id: type one like S14 or pick one from the suggestions.`,
      'bad-choice': 'That value is not one of the choices: please pick one from the list.',
      'bad-option': 'I could not read the command options: please try again.',
    })[problem],
  apology: 'Sorry, something went wrong while handling that. Please try again in a moment.',
  restarting: 'The bot is restarting and could not answer this. Please ask again in a moment.',
  expiredButton: 'I cannot find the answer behind this button. Please ask again with /ask.',
  unknownCommand: 'I do not know that command; the command list will update shortly.',
  feedbackThanks: (vote) => (vote === 'up' ? '👍 Thanks for the feedback: recorded.' : '👎 Thanks for the feedback: recorded, and it will help improve the answers.'),
  feedbackChanged: (vote) => `Thanks: your vote on this answer is now ${vote === 'up' ? '👍' : '👎'}.`,
  feedbackUnchanged: (vote) => `Already recorded as ${vote === 'up' ? '👍' : '👎'}: one vote per person per answer.`,
  sourcesTitle: 'Cited sentences in context',
  noSuchSentence: (id) => `The article has no sentence ${id}: pick one from the suggestions.`,
  ambiguousSentence: (id) => `Several articles have a sentence ${id}: pick one from the suggestions.`,
  before: 'Before',
  after: 'After',
  section: 'Section',
  participantsTitle: 'Participants',
  participantsSummary: (count) => `${count} companies and officials named in the article.`,
  participantsFilter: (filters) => `Showing: ${filters.join(', ')}`,
  noParticipants: 'No participant in the article matches.',
  kind: { company: 'companies', official: 'officials' },
  moreOmitted: (n) => `(${n} more left out to fit Discord's limits)`,
  helpTitle: 'Help',
  helpIntro: (title, publisher, sentences) =>
    `I answer questions about one news article: **${title}**${publisher ? ` (${publisher})` : ''}, ${sentences} sentences. Answers quote the article word for word; nothing is looked up online.`,
  helpCommands: 'Commands',
  helpCommandLines: (max, perMinute) => [
    `\`/ask\`: ask about the article, in Korean or English (up to ${max} characters, ${perMinute} questions a minute). Set \`private\` to see the answer alone.`,
    '`/participants`: the companies and officials who took part, by country and kind.',
    '`/source`: a sentence by id (e.g. S14) with its neighbours and its English rendering.',
    '`/help`: this message.',
  ],
  helpExamples: 'Example questions',
  helpExampleLines: ['Summarize the article', 'Who attended?', 'When and where was it held?', '누가 참석했어?'],
  helpHow: 'Reading an answer',
  helpHowText:
    'The [1], [2] markers in an answer point to the quoted sentences below it. "Sources" shows each cited sentence with its neighbours; 👍 / 👎 rate the answer. When the article has no answer I say so and list the closest sentences as related only.',
};

/** The strings of a language. */
export function strings(locale: UiLocale): Strings {
  return locale === 'ko' ? ko : en;
}

/** `0.4 ms`, `12 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}
