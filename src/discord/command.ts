/**
 * What a slash command is, and what its handlers receive.
 *
 * @module
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
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
  /** Counters for /metrics. */
  metrics: MetricsSink;
  log: Logger;
}

/** Anything with a `toJSON()` giving a command definition, such as a `SlashCommandBuilder`. */
export interface CommandDefinition {
  readonly name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/**
 * A slash command: its definition (registered by the deploy script) and its handlers.
 *
 * Buttons belong to the command that created them: their custom id is
 * `<command>:<action>[:<argument>]`, and the router hands `action` and `argument` to {@link Command.button}.
 */
export interface Command {
  data: CommandDefinition;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  button?(interaction: ButtonInteraction, action: string, argument: string, ctx: BotContext): Promise<void>;
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
