/**
 * Registering the slash commands with Discord (bulk overwrite: exactly this list afterwards).
 *
 * @module
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Command } from './command.js';
import { describeError } from './errors.js';

/** Where the commands were registered and what Discord answered. */
export interface DeployResult {
  scope: 'guild' | 'global';
  registered: RESTPutAPIApplicationCommandsResult;
}

/** Settings the deploy step reads. */
export type DeployConfig = Pick<BotConfig, 'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DISCORD_GUILD_ID' | 'DISCORD_API_URL'>;

/** The JSON bodies of the commands, exactly as sent to Discord. */
export function commandDefinitions(commands: readonly Command[]): unknown[] {
  return commands.map((c) => c.data.toJSON());
}

/**
 * Registers `commands` for one guild when `DISCORD_GUILD_ID` is set (instant; for development),
 * else globally. Errors carry no token.
 */
export async function deployCommands(config: DeployConfig, commands: readonly Command[]): Promise<DeployResult> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const scope = config.DISCORD_GUILD_ID ? 'guild' : 'global';
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID) : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  try {
    const registered = (await rest.put(route, { body: commandDefinitions(commands) })) as RESTPutAPIApplicationCommandsResult;
    return { scope, registered };
  } catch (error) {
    const described = describeError(error, [config.DISCORD_TOKEN]);
    throw new Error(`Registering the commands failed (${described.status ?? 'no answer'}${described.code !== undefined ? `, code ${described.code}` : ''}): ${described.message}`);
  }
}
