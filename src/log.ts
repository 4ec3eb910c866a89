import pino, { type DestinationStream, type Logger } from 'pino';

/** Field paths whose values never reach the log output. */
const REDACT = ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization', 'config.DISCORD_TOKEN'];

/**
 * Creates the JSON logger; it writes to stderr so stdout stays free for answers and JSON output.
 *
 * @param level - pino level name
 * @param destination - where lines go instead of stderr (tests capture them in memory)
 */
export function createLogger(level = 'info', destination: DestinationStream = pino.destination(2)): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

export type { Logger };
