import { z } from 'zod';

/** Empty strings count as missing (t3-env convention): `FOO=` in a .env file means "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const required = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const requiredString = (what: string) => z.string({ error: (issue) => (issue.input === undefined ? `is required (${what})` : 'must be text') });
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const positiveInt = (fallback: number) => optional(z.coerce.number().int().positive()).transform((v) => v ?? fallback);

/** Where the optional Ollama embedder looks by default. */
export const OLLAMA_DEFAULTS = { url: 'http://127.0.0.1:11434', model: 'nomic-embed-text' } as const;

const coreSchema = z.object({
  SEEDS_DIR: optional(z.string()).transform((v) => v ?? 'seeds'),
  INDEX_DIR: optional(z.string()).transform((v) => v ?? 'index'),
  EMBEDDER: optional(z.enum(['lexical', 'ollama'])).transform((v) => v ?? 'lexical'),
  EMBEDDING_DIM: positiveInt(256),
  OLLAMA_URL: optional(z.url()).transform((v) => v ?? OLLAMA_DEFAULTS.url),
  OLLAMA_MODEL: optional(z.string()).transform((v) => v ?? OLLAMA_DEFAULTS.model),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform((v) => v ?? 'info'),
  /** Read by the bot (writing) and by `npm run feedback` (summarising). */
  FEEDBACK_FILE: optional(z.string()).transform((v) => v ?? 'feedback.jsonl'),
});

/** Health and metrics server: off unless HEALTH_PORT is set; loopback only unless HEALTH_HOST says otherwise. */
const healthSettings = {
  HEALTH_PORT: optional(z.coerce.number({ error: 'must be a port number' }).int('must be a whole port number').min(0, 'must be 0–65535 (0 picks a free port)').max(65535, 'must be 0–65535 (0 picks a free port)')),
  HEALTH_HOST: optional(z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address to listen on, e.g. 127.0.0.1, or localhost' })).transform((v) => v ?? '127.0.0.1'),
};

const botSchema = coreSchema.extend({
  DISCORD_TOKEN: required(requiredString('the bot token from the Discord developer portal').min(50, 'does not look like a bot token')),
  DISCORD_CLIENT_ID: required(requiredString('the application id').regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)')),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.url()),
  /** Key of the user-id hashes in the feedback file; without it a key file beside the feedback file is used. */
  FEEDBACK_SALT: optional(z.string().min(16, 'must be at least 16 characters')),
  ASK_COOLDOWN_PER_MINUTE: positiveInt(5),
  ...healthSettings,
});

/** Settings every surface uses: where the article and index live, which embedder, log level. */
export type CoreConfig = z.infer<typeof coreSchema>;
/** Settings of the Discord bot on top of the core ones. */
export type BotConfig = z.infer<typeof botSchema>;

/** Raised when the environment is invalid; `problems` names each setting and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  // Never echo values: a malformed token must not end up in a terminal or log.
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message.replace(/^Invalid input: /, '')}`);
  throw new ConfigError(problems);
}

/** Reads the core settings (all optional) from the environment. */
export function loadCoreConfig(env: Record<string, string | undefined> = process.env): CoreConfig {
  return parse(coreSchema, env);
}

/** Reads the bot settings, reporting every missing or malformed one at once. */
export function loadBotConfig(env: Record<string, string | undefined> = process.env): BotConfig {
  return parse(botSchema, env);
}
