/**
 * The bot's commands (slash commands, then the message command): an explicit list, used by the bot
 * (`src/bot.ts` passes it to `startBot`) and by the deploy script alike.
 * Add a command by writing its file and listing it here; nothing scans folders.
 *
 * @module
 */
import type { Command } from '../src/discord/command.js';
import { ask } from './ask.js';
import { check } from './check.js';
import { help } from './help.js';
import { participants } from './participants.js';
import { source } from './source.js';

/** Every command, in the order Discord lists them. */
export const commands: readonly Command[] = [ask, participants, source, help, check];
