/**
 * "Check against the article" (기사로 확인): a message command. On any message it checks the
 * message's statements (at most five) against the article and answers, only to the user, with a
 * verdict and the quoted sentence for each; a button shares the result in the channel.
 *
 * Discord includes the target message's text in a message command without the privileged Message
 * Content intent, so the bot still asks only for `Guilds`.
 *
 * @module
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, type ButtonInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import { detectLanguage } from '../src/answer/question.js';
import { buttonId, type BotContext, type MessageCommand } from '../src/discord/command.js';
import { strings, uiLocale } from '../src/discord/i18n.js';
import { checkWords, renderCheck } from '../src/discord/render/check.js';
import { defer, edit, followUp, reply, update } from '../src/discord/respond.js';

/** The command's name as Discord shows it in the Apps menu, and its Korean localisation. */
export const CHECK_NAME = 'Check against the article';
export const CHECK_NAME_KO = '기사로 확인';
/** The prefix of this command's button ids, and its buttons. */
export const CHECK = 'check';
export const CheckButtons = { share: 'share' } as const;

const data = new ContextMenuCommandBuilder().setName(CHECK_NAME).setNameLocalizations({ ko: CHECK_NAME_KO }).setType(ApplicationCommandType.Message);

async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const text = interaction.targetMessage.content ?? '';
  if (text.trim() === '') {
    await reply(interaction, { content: checkWords(locale).noText }, { ephemeral: true });
    return;
  }
  const allowed = ctx.cooldown.take(interaction.user.id);
  if (!allowed.ok) {
    const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
    await reply(interaction, { content: strings(locale).cooldown(seconds, ctx.cooldown.perMinute) }, { ephemeral: true });
    return;
  }
  if ((await defer(interaction, { ephemeral: true })) === 'already-acknowledged') {
    ctx.log.warn({ interaction: interaction.id }, 'defer reached Discord on an earlier attempt (40060); answering by edit');
  }
  const received = performance.now();
  ctx.metrics.questionAsked(CHECK, detectLanguage(text));
  const result = await ctx.claims.check(text);
  await edit(interaction, renderCheck(result, { locale, documents: ctx.sentences.documents, shareButtonId: buttonId(CHECK, CheckButtons.share) }));
  ctx.metrics.answerSent(result.claims.some((c) => c.verdict !== 'not-in-article') ? 'answered' : 'declined', (performance.now() - received) / 1000);
  ctx.log.info({ interaction: interaction.id, statements: result.claims.length, omitted: result.omitted, verdicts: result.claims.map((c) => c.verdict), ms: result.ms }, 'checked a message');
}

/**
 * Shares a check in the channel: the private message loses its button (so it is shared once) and
 * the same embed is posted for everyone. The embed comes from the message the button sits on, so
 * sharing works after a restart too.
 */
async function share(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const embeds = interaction.message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) {
    await reply(interaction, { content: strings(locale).expiredButton }, { ephemeral: true });
    return;
  }
  await update(interaction, { content: checkWords(locale).shared, embeds, components: [] });
  const name = interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : interaction.user.displayName;
  await followUp(interaction, { content: checkWords(uiLocale(interaction.guildLocale ?? interaction.locale)).sharedBy(name), embeds });
  ctx.log.info({ interaction: interaction.id }, 'check shared in the channel');
}

async function button(interaction: ButtonInteraction, action: string, _argument: string, ctx: BotContext): Promise<void> {
  if (action === CheckButtons.share) return share(interaction, ctx);
  await reply(interaction, { content: strings(uiLocale(interaction.locale)).expiredButton }, { ephemeral: true });
}

/** The "Check against the article" message command. */
export const check: MessageCommand = { kind: 'message', data, buttonPrefix: CHECK, execute, button };
