/**
 * The bot's slash commands: an explicit list, used by the bot and by the deploy script alike.
 * Add a command by writing its file and listing it here; nothing scans folders.
 *
 * @module
 */
import type { Command } from '../src/discord/command.js';
import { ask } from './ask.js';
import { help } from './help.js';
import { participants } from './participants.js';
import { source } from './source.js';

/** Every command, in the order Discord lists them. */
export const commands: readonly Command[] = [ask, participants, source, help];
