/**
 * Routes each interaction to its command and turns any failure into an apology and a log line.
 *
 * @module
 */
import type { AutocompleteInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { isMessageCommand, parseButtonId, type BotContext, type Command, type MessageCommand, type SlashCommand } from './command.js';
import { describeError, isAlreadyAcknowledged, isGone } from './errors.js';
import { strings, uiLocale } from './i18n.js';
import { edit, followUp, reply, suggest } from './respond.js';

/** Handles one interaction; the promise always resolves (failures are logged, never thrown). */
export type InteractionRouter = (interaction: Interaction) => Promise<void>;

/** Options of {@link createRouter}. */
export interface RouterOptions {
  commands: readonly Command[];
  ctx: BotContext;
  /** Secrets to cut out of logged errors (the bot token). */
  secrets?: readonly string[];
}

/**
 * Builds the interaction handler: slash and message commands, autocomplete and buttons go to their command;
 * anything a handler throws becomes an ephemeral apology (the discord.js guide's pattern:
 * follow up when already replied, edit a pending "thinking…", else reply) and an error line
 * naming the interaction id. It never throws, so an error never reaches the process.
 */
export function createRouter({ commands, ctx, secrets = [] }: RouterOptions): InteractionRouter {
  const byName = new Map(commands.filter((c): c is SlashCommand => !isMessageCommand(c)).map((c) => [c.data.name, c]));
  const messageCommands = new Map(commands.filter((c): c is MessageCommand => isMessageCommand(c)).map((c) => [c.data.name, c]));
  const byButtonPrefix = new Map<string, Command>(commands.map((c) => [c.buttonPrefix ?? c.data.name, c]));

  async function dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isMessageContextMenuCommand()) {
      const command = messageCommands.get(interaction.commandName);
      if (!command) {
        await reply(interaction, { content: strings(uiLocale(interaction.locale)).unknownCommand }, { ephemeral: true });
        return;
      }
      await command.execute(interaction, ctx);
    } else if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      if (!command) {
        await reply(interaction, { content: strings(uiLocale(interaction.locale)).unknownCommand }, { ephemeral: true });
        return;
      }
      await command.execute(interaction, ctx);
    } else if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, ctx);
      else await suggest(interaction, []);
    } else if (interaction.isButton()) {
      const parsed = parseButtonId(interaction.customId);
      const command = parsed ? byButtonPrefix.get(parsed.command) : undefined;
      if (!parsed || !command?.button) {
        await reply(interaction, { content: strings(uiLocale(interaction.locale)).expiredButton }, { ephemeral: true });
        return;
      }
      await command.button(interaction, parsed.action, parsed.argument, ctx);
    }
    // Other kinds (select menus, modals, user commands) are not offered by this bot: ignored.
  }

  return async function route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    try {
      await dispatch(interaction);
      ctx.log.debug({ interaction: interaction.id, kind: kindOf(interaction), ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (error) {
      ctx.log.error({ interaction: interaction.id, kind: kindOf(interaction), err: describeError(error, secrets) }, 'interaction failed');
      await recover(interaction, error, ctx, secrets);
    }
  };
}

function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isContextMenuCommand()) return `message command "${interaction.commandName}"`;
  if (interaction.isAutocomplete()) return `autocomplete /${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId.split(':').slice(0, 2).join(':')}`;
  return `type ${interaction.type}`;
}

/** Tells the user something went wrong, if the interaction can still be answered. */
async function recover(interaction: Interaction, error: unknown, ctx: BotContext, secrets: readonly string[]): Promise<void> {
  if (isGone(error)) return; // expired or unknown: nothing can be sent any more
  // 40060: an earlier attempt of the failed response reached Discord; a second answer would be wrong.
  if (isAlreadyAcknowledged(error)) return;
  try {
    if (interaction.isAutocomplete()) await apologiseAutocomplete(interaction);
    else if (interaction.isRepliable()) await apologise(interaction);
  } catch (second) {
    ctx.log.warn({ interaction: interaction.id, err: describeError(second, secrets) }, 'could not send the apology');
  }
}

async function apologiseAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
  if (!interaction.responded) await suggest(interaction, []);
}

async function apologise(interaction: RepliableInteraction): Promise<void> {
  const message = { content: strings(uiLocale(interaction.locale)).apology };
  if (interaction.deferred && !interaction.replied) {
    // A public "thinking…" would hang forever; an ephemeral one can carry the apology itself.
    if (interaction.ephemeral) await edit(interaction, message);
    else {
      await interaction.deleteReply().catch(() => undefined);
      await followUp(interaction, message, { ephemeral: true });
    }
  } else if (interaction.replied || interaction.deferred) await followUp(interaction, message, { ephemeral: true });
  else await reply(interaction, message, { ephemeral: true });
}
