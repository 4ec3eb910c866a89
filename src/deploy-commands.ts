/**
 * `npm run deploy-commands`: registers the slash commands, for the guild in `DISCORD_GUILD_ID`
 * when set (shows up at once), else globally.
 *
 * @module
 */
import { commands } from '../commands/index.js';
import { ConfigError, loadBotConfig } from './config.js';
import { configHelp } from './discord/config-help.js';
import { deployCommands } from './discord/deploy.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadBotConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configHelp(error, 'The slash commands cannot be registered'));
    process.exitCode = 1;
    return;
  }
  const { scope, registered } = await deployCommands(config, commands);
  const where = scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global commands can take a while to appear)';
  // Slash commands as typed (`/ask`); a message command (type 3) by its menu name.
  const shown = registered.map((c) => (c.type === 3 ? `"${c.name}" (message command)` : `/${c.name}`));
  console.log(`Registered ${registered.length} commands for ${where}: ${shown.join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
