/**
 * `/ask question:<text> [private:<bool>]`: answers a question about the article with verbatim
 * citations; its buttons show the sources in context and record 👍 / 👎 feedback. A question that
 * does not stand on its own is read with the asker's previous answered question in the same
 * channel (or thread) within 15 minutes, and the reply says how it was read.
 *
 * @module
 */
import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { QuestionError } from '../src/answer/engine.js';
import { detectLanguage, MAX_QUESTION_LENGTH } from '../src/answer/question.js';
import { answerFromMessage, type RememberedAnswer } from '../src/discord/answers.js';
import { buttonId, type BotContext, type Command } from '../src/discord/command.js';
import { strings, uiLocale, type UiLocale } from '../src/discord/i18n.js';
import { renderAnswer, type AnswerButtonIds } from '../src/discord/render/answer.js';
import { renderSources } from '../src/discord/render/source.js';
import { defer, edit, reply } from '../src/discord/respond.js';
import { rawOption, validateFlag, validateQuestion, type Checked } from '../src/discord/validate.js';
import { passageKey } from '../src/search/passages.js';

/** The command's name, which its buttons are routed by. */
export const ASK = 'ask';
/** Button actions of `/ask`. */
export const AskButtons = { sources: 'sources', up: 'up', down: 'down' } as const;
/** Option names of `/ask`. */
const Options = { question: 'question', private: 'private' } as const;

/** The buttons under the answer to interaction `answerId`. */
function buttonsFor(answerId: string): AnswerButtonIds {
  return { sources: buttonId(ASK, AskButtons.sources, answerId), up: buttonId(ASK, AskButtons.up, answerId), down: buttonId(ASK, AskButtons.down, answerId) };
}

const data = new SlashCommandBuilder()
  .setName(ASK)
  .setNameLocalizations({ ko: '질문' })
  .setDescription('Ask a question about the article; the answer quotes it word for word')
  .setDescriptionLocalizations({ ko: '기사에 대해 질문합니다. 답은 기사 문장을 그대로 인용합니다' })
  .addStringOption((o) =>
    o
      .setName(Options.question)
      .setNameLocalizations({ ko: '질문' })
      .setDescription('Your question, in Korean or English')
      .setDescriptionLocalizations({ ko: '한국어나 영어로 쓴 질문' })
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addBooleanOption((o) =>
    o
      .setName(Options.private)
      .setNameLocalizations({ ko: '비공개' })
      .setDescription('Only you see the answer')
      .setDescriptionLocalizations({ ko: '답을 나만 봅니다' }),
  );

/** Tells the user what was wrong with an option, only to them. */
async function refuse(interaction: ChatInputCommandInteraction, locale: UiLocale, checked: Extract<Checked<unknown>, { ok: false }>): Promise<void> {
  await reply(interaction, { content: strings(locale).problem(checked.problem, checked.detail) }, { ephemeral: true });
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const question = validateQuestion(rawOption(interaction.options, Options.question));
  if (!question.ok) return refuse(interaction, locale, question);
  const hidden = validateFlag(rawOption(interaction.options, Options.private), false);
  if (!hidden.ok) return refuse(interaction, locale, hidden);

  const allowed = ctx.cooldown.take(interaction.user.id);
  if (!allowed.ok) {
    const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
    await reply(interaction, { content: strings(locale).cooldown(seconds, ctx.cooldown.perMinute) }, { ephemeral: true });
    return;
  }

  if ((await defer(interaction, { ephemeral: hidden.value })) === 'already-acknowledged') {
    ctx.log.warn({ interaction: interaction.id }, 'defer reached Discord on an earlier attempt (40060); answering by edit');
  }
  const received = performance.now();
  ctx.metrics.questionAsked(ASK, detectLanguage(question.value));
  // Follow-ups are read with the asker's last answered question here: per user and channel (a thread is a channel).
  const previous = ctx.conversations.recall(interaction.user.id, interaction.channelId);
  let result;
  try {
    result = await ctx.engine.ask(question.value, { previous });
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    const known = (['empty', 'too-long', 'no-words'] as const).find((code) => code === error.code);
    await edit(interaction, { content: known ? strings(locale).problem(known, { max: MAX_QUESTION_LENGTH }) : error.message });
    ctx.metrics.answerSent('refused', (performance.now() - received) / 1000);
    return;
  }
  ctx.answers.remember(interaction.id, result);
  if (result.answered) ctx.conversations.remember(interaction.user.id, interaction.channelId, result.readAs ?? result.question);
  await edit(interaction, renderAnswer(result, { buttons: buttonsFor(interaction.id), documents: ctx.sentences.documents }));
  ctx.metrics.answerSent(result.answered ? 'answered' : 'declined', (performance.now() - received) / 1000);
  ctx.log.info({ interaction: interaction.id, language: result.language, answered: result.answered, followUp: result.readAs !== undefined, citations: result.citations.map((c) => c.id), ms: result.ms }, 'answered');
  if (!result.answered) {
    await ctx.feedback.declined({ answerId: interaction.id, question: result.question, language: result.language, related: result.related.map((c) => passageKey(c.document, c.id)) });
  }
}

/** The answer behind a button: remembered, or read back from the message (after a restart). */
function answerBehind(interaction: ButtonInteraction, answerId: string, ctx: BotContext): RememberedAnswer | undefined {
  return ctx.answers.get(answerId) ?? answerFromMessage(interaction.message, ctx.sentences.documents[0]?.slug ?? '');
}

async function showSources(interaction: ButtonInteraction, answerId: string, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const answer = answerBehind(interaction, answerId, ctx);
  if (!answer) {
    await reply(interaction, { content: strings(locale).expiredButton }, { ephemeral: true });
    return;
  }
  const items = answer.sentences.flatMap((s) => {
    const passage = ctx.sentences.get(s.document, s.id);
    return passage ? [{ n: answer.answered ? s.n : null, context: ctx.sentences.inContext(passage) }] : [];
  });
  const message = renderSources(items, { locale: answer.language, withTranslation: answer.language === 'en', documents: ctx.sentences.documents });
  await reply(interaction, message, { ephemeral: true });
}

async function recordVote(interaction: ButtonInteraction, vote: 'up' | 'down', answerId: string, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const answer = answerBehind(interaction, answerId, ctx);
  if (!answer) {
    await reply(interaction, { content: strings(locale).expiredButton }, { ephemeral: true });
    return;
  }
  const outcome = await ctx.feedback.vote({
    vote,
    answerId,
    question: answer.question,
    language: answer.language,
    answered: answer.answered,
    citations: answer.sentences.map((s) => passageKey(s.document, s.id)),
    citationTexts: answer.sentences.map((s) => ctx.sentences.get(s.document, s.id)?.sentence.text ?? ''),
    userId: interaction.user.id,
  });
  if (outcome !== 'unchanged') ctx.metrics.feedbackVote(vote);
  const words = strings(locale);
  const content = outcome === 'recorded' ? words.feedbackThanks(vote) : outcome === 'changed' ? words.feedbackChanged(vote) : words.feedbackUnchanged(vote);
  await reply(interaction, { content }, { ephemeral: true });
  ctx.log.info({ interaction: interaction.id, answer: answerId, vote, outcome }, 'feedback recorded');
}

async function button(interaction: ButtonInteraction, action: string, argument: string, ctx: BotContext): Promise<void> {
  if (action === AskButtons.sources) return showSources(interaction, argument, ctx);
  if (action === AskButtons.up || action === AskButtons.down) return recordVote(interaction, action, argument, ctx);
  await reply(interaction, { content: strings(uiLocale(interaction.locale)).expiredButton }, { ephemeral: true });
}

/** The `/ask` command. */
export const ask: Command = { data, execute, button };
