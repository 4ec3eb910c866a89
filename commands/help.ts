/**
 * `/help`: what the bot knows and how to ask, in the user's language.
 *
 * @module
 */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../src/answer/question.js';
import type { BotContext, Command } from '../src/discord/command.js';
import { uiLocale } from '../src/discord/i18n.js';
import { renderHelp } from '../src/discord/render/help.js';
import { reply } from '../src/discord/respond.js';

const data = new SlashCommandBuilder()
  .setName('help')
  .setNameLocalizations({ ko: '도움말' })
  .setDescription('What this bot knows and how to ask it')
  .setDescriptionLocalizations({ ko: '이 봇이 아는 것과 질문하는 방법' });

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const documents = ctx.engine.corpus.documents.map((d) => ({ slug: d.slug, title: d.title, publisher: d.publisher, sentences: d.sentences.length }));
  const message = renderHelp(uiLocale(interaction.locale), { documents, maxQuestionLength: MAX_QUESTION_LENGTH, questionsPerMinute: ctx.cooldown.perMinute });
  await reply(interaction, message, { ephemeral: true });
}

/** The `/help` command. */
export const help: Command = { data, execute };
