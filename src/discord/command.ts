/**
 * What a command is (a slash command or a message command), and what its handlers receive.
 *
 * @module
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { ClaimChecker } from '../answer/claims.js';
import type { Logger } from 'pino';
import type { QaEngine } from '../answer/engine.js';
import type { AnswerStore } from './answers.js';
import type { ConversationMemory } from './conversations.js';
import type { Cooldown } from './cooldown.js';
import type { MetricsSink } from '../health/sink.js';
import type { FeedbackLog } from './feedback.js';
import type { SentenceIndex } from './sentences.js';

/** Everything a command handler may use; built once per bot. */
export interface BotContext {
  engine: QaEngine;
  sentences: SentenceIndex;
  cooldown: Cooldown;
  feedback: FeedbackLog;
  answers: AnswerStore;
  /** The last answered question per user and channel, for follow-ups. */
  conversations: ConversationMemory;
  /** Checks statements of a message against the article. */
  claims: ClaimChecker;
  /** Counters for /metrics. */
  metrics: MetricsSink;
  log: Logger;
}

/** Anything with a `toJSON()` giving a command definition: a `SlashCommandBuilder`, a `ContextMenuCommandBuilder`. */
export interface CommandDefinition {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/**
 * What every command has: its definition (registered by the deploy script) and, optionally, the
 * handler of its buttons.
 *
 * Buttons belong to the command that created them: their custom id is
 * `<prefix>:<action>[:<argument>]`, where the prefix is {@link CommandBase.buttonPrefix} (by
 * default the command's name), and the router hands `action` and `argument` to `button`.
 */
interface CommandBase {
  data: CommandDefinition;
  /** The prefix of this command's button ids, when its name cannot be one (`Check against the article`). */
  buttonPrefix?: string;
  button?(interaction: ButtonInteraction, action: string, argument: string, ctx: BotContext): Promise<void>;
}

/** A slash command (`/ask`). */
export interface SlashCommand extends CommandBase {
  kind?: 'slash';
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** A message command: run on a message from its "Apps" menu (`Check against the article`). */
export interface MessageCommand extends CommandBase {
  kind: 'message';
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?: undefined;
}

/** A command of the bot. */
export type Command = SlashCommand | MessageCommand;

/** True for a message command. */
export function isMessageCommand(command: Command): command is MessageCommand {
  return command.kind === 'message';
}

/** Builds a button custom id for {@link Command.button}. */
export function buttonId(command: string, action: string, argument = ''): string {
  return argument ? `${command}:${action}:${argument}` : `${command}:${action}`;
}

/** Splits a custom id made by {@link buttonId}; `null` for anything else. */
export function parseButtonId(customId: string): { command: string; action: string; argument: string } | null {
  const match = /^([a-z-]{1,32}):([a-z-]{1,32})(?::([\w-]{1,60}))?$/u.exec(customId);
  if (!match) return null;
  return { command: match[1]!, action: match[2]!, argument: match[3] ?? '' };
}
