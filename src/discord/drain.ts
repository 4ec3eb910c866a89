/**
 * What the bot tells users whose interactions it cannot finish because it is stopping: those that
 * arrive during shutdown, and those still running when the drain time is up.
 *
 * @module
 */
import type { Interaction } from 'discord.js';
import { strings, uiLocale } from './i18n.js';
import { edit, reply, suggest } from './respond.js';

/**
 * Answers an interaction that arrived while the bot is stopping: an empty suggestion list for
 * autocomplete, else a private "restarting, ask again" reply.
 */
export async function turnAway(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await suggest(interaction, []);
  else if (interaction.isRepliable()) await reply(interaction, { content: strings(uiLocale(interaction.locale)).restarting }, { ephemeral: true });
}

/**
 * Tells the user of an interaction whose handler did not finish in time to ask again: a pending
 * "thinking…" becomes the message, an unacknowledged one gets a private reply. One that was
 * already answered is left alone (its handler was only finishing up).
 */
export async function tellToRetry(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await suggest(interaction, []);
    return;
  }
  if (!interaction.isRepliable() || interaction.replied) return;
  const message = { content: strings(uiLocale(interaction.locale)).restarting };
  if (interaction.deferred) await edit(interaction, message);
  else await reply(interaction, message, { ephemeral: true });
}
