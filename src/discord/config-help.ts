/**
 * The message shown when the bot's settings are missing or malformed.
 *
 * @module
 */
import type { ConfigError } from '../config.js';

/**
 * One message naming each missing or malformed setting and where it was read from (values are
 * never shown), with where to set them and how to use the article offline instead.
 *
 * @param error - the error from `loadBotConfig`
 * @param what - what cannot happen, e.g. "The Discord bot cannot start"
 */
export function configHelp(error: ConfigError, what = 'The Discord bot cannot start'): string {
  return [
    `${what}: some settings are missing or malformed.`,
    ...error.problems.map((p) => `  - ${p}`),
    'Set them in the environment or in a .env file in the working directory (see .env.example).',
    'To use the article offline, without Discord: npm run ask -- "your question"',
  ].join('\n');
}
