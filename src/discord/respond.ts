/**
 * The one way the bot answers an interaction. Every reply, edit, follow-up and update goes
 * through here, so every message carries `allowed_mentions: {parse: []}` (nobody is ever pinged,
 * whatever a question or the article contains) and is fitted to Discord's limits.
 *
 * @module
 */
import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type AutocompleteInteraction,
  type MessageComponentInteraction,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import { isAlreadyAcknowledged } from './errors.js';
import { cutAtSentence, DiscordLimits, fitEmbeds, length } from './fit.js';
import type { Suggestion } from './sentences.js';

/** A message as the renderers produce it: plain JSON. */
export interface Message {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Whether a response went out now or had already reached Discord on an earlier, lost attempt. */
export type Delivery = 'sent' | 'already-acknowledged';

/** Mentions allowed in bot messages: none. A fresh object each time (discord.js may copy it). */
export function noMentions(): MessageMentionOptions {
  return { parse: [] };
}

/** Fits a message to Discord's limits and adds the no-mentions rule. */
export function prepare(message: Message): Message & { allowedMentions: MessageMentionOptions } {
  const out: Message & { allowedMentions: MessageMentionOptions } = { allowedMentions: noMentions() };
  if (message.content !== undefined) out.content = length(message.content) > DiscordLimits.content ? cutAtSentence(message.content, DiscordLimits.content) : message.content;
  if (message.embeds !== undefined) out.embeds = fitEmbeds(message.embeds);
  if (message.components !== undefined) out.components = message.components;
  return out;
}

const ephemeralFlags = (ephemeral: boolean | undefined) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});

/**
 * Replies (callback type 4). A 40060 means an earlier attempt of this very callback reached
 * Discord and only its answer was lost (a 5xx retried by discord.js): the reply stands.
 */
export async function reply(interaction: RepliableInteraction, message: Message, options: { ephemeral?: boolean } = {}): Promise<Delivery> {
  try {
    await interaction.reply({ ...prepare(message), ...ephemeralFlags(options.ephemeral) });
    return 'sent';
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.replied = true;
    interaction.ephemeral = options.ephemeral ?? false;
    return 'already-acknowledged';
  }
}

/**
 * Acknowledges at once and shows "thinking…" (callback type 5). On 40060 the defer did reach
 * Discord (see {@link reply}); the interaction is marked deferred so the answer can still be
 * delivered by {@link edit}.
 */
export async function defer(interaction: RepliableInteraction, options: { ephemeral?: boolean } = {}): Promise<Delivery> {
  try {
    await interaction.deferReply(ephemeralFlags(options.ephemeral));
    return 'sent';
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.deferred = true;
    interaction.ephemeral = options.ephemeral ?? false;
    return 'already-acknowledged';
  }
}

/** Replaces the deferred or earlier reply (PATCH `@original`). */
export async function edit(interaction: RepliableInteraction, message: Message): Promise<Delivery> {
  await interaction.editReply(prepare(message));
  return 'sent';
}

/** Sends a follow-up message (POST to the interaction webhook). */
export async function followUp(interaction: RepliableInteraction, message: Message, options: { ephemeral?: boolean } = {}): Promise<Delivery> {
  await interaction.followUp({ ...prepare(message), ...ephemeralFlags(options.ephemeral) });
  return 'sent';
}

/** Edits the message a button sits on (callback type 7); 40060 is handled as in {@link reply}. */
export async function update(interaction: MessageComponentInteraction, message: Message): Promise<Delivery> {
  try {
    await interaction.update(prepare(message));
    return 'sent';
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.replied = true;
    return 'already-acknowledged';
  }
}

/** Answers an autocomplete request (callback type 8; no message, so no mentions to allow). */
export async function suggest(interaction: AutocompleteInteraction, choices: readonly Suggestion[]): Promise<Delivery> {
  try {
    await interaction.respond(choices.slice(0, DiscordLimits.choices));
    return 'sent';
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    return 'already-acknowledged';
  }
}
