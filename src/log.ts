import pino, { type Logger } from 'pino';

/** Field paths whose values never reach the log output. */
const REDACT = ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization', 'config.DISCORD_TOKEN'];

/** Creates the JSON logger; it writes to stderr so stdout stays free for answers and JSON output. */
export function createLogger(level = 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination(2));
}

export type { Logger };
