/**
 * `/source id:<sentence id>`: one sentence of the article with its neighbours and English
 * rendering; autocomplete suggests ids and sentence starts.
 *
 * @module
 */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext, Command } from '../src/discord/command.js';
import { strings, uiLocale } from '../src/discord/i18n.js';
import { renderSource } from '../src/discord/render/source.js';
import { reply, suggest } from '../src/discord/respond.js';
import { MAX_ID_LENGTH, rawOption, validateSentenceId } from '../src/discord/validate.js';

const data = new SlashCommandBuilder()
  .setName('source')
  .setNameLocalizations({ ko: '출처' })
  .setDescription('Show one sentence of the article, with its neighbours and English rendering')
  .setDescriptionLocalizations({ ko: '기사 문장 하나를 앞뒤 문맥, 영어 번역과 함께 봅니다' })
  .addStringOption((o) =>
    o
      .setName('id')
      .setNameLocalizations({ ko: '문장' })
      .setDescription('Sentence id such as S14, or start typing its words')
      .setDescriptionLocalizations({ ko: 'S14 같은 문장 번호, 또는 문장의 단어를 입력하세요' })
      .setRequired(true)
      .setMaxLength(MAX_ID_LENGTH)
      .setAutocomplete(true),
  );

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const t = strings(locale);
  const id = validateSentenceId(rawOption(interaction.options, 'id'));
  if (!id.ok) {
    await reply(interaction, { content: t.problem(id.problem, id.detail) }, { ephemeral: true });
    return;
  }
  const found = ctx.sentences.resolve(id.value);
  if (!found.ok) {
    await reply(interaction, { content: found.reason === 'ambiguous' ? t.ambiguousSentence(id.value) : t.noSuchSentence(id.value) }, { ephemeral: true });
    return;
  }
  await reply(interaction, renderSource(ctx.sentences.inContext(found.passage), { locale, documents: ctx.sentences.documents }));
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = focused.name === 'id' && typeof focused.value === 'string' ? focused.value.slice(0, MAX_ID_LENGTH) : '';
  await suggest(interaction, ctx.sentences.suggest(typed));
}

/** The `/source` command. */
export const source: Command = { data, execute, autocomplete };
