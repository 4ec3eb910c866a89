import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseEnvFile, type EnvFileEntry } from './env-file.js';

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
  /** Unset means each surface's own default: `info` for the bot, `warn` for the command line. */
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
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

/** Every setting's name (the bot's include the core ones). */
export const SETTING_NAMES: readonly string[] = Object.keys(botSchema.shape);

/** Settings every surface uses: where the article and index live, which embedder, log level. */
export type CoreConfig = z.infer<typeof coreSchema>;
/** Settings of the Discord bot on top of the core ones. */
export type BotConfig = z.infer<typeof botSchema>;

/** Raised when the settings are invalid; `problems` names each setting, where it was read from and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A `.env` file as read: its absolute path, and its entries when it exists. */
interface EnvFileRead {
  path: string;
  entries: Map<string, EnvFileEntry> | null;
  /** Lines or a read failure, already worded (no values). */
  problems: string[];
}

/**
 * The settings as the process sees them: the environment, then a `.env` file for what the
 * environment leaves unset. A value set (non-empty) in the environment wins; an empty one counts
 * as unset, so the file's value is used. Knows where each value came from, for error messages.
 */
export class Settings {
  private constructor(
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly file: EnvFileRead | null,
  ) {}

  /** Settings from an environment record alone (tests, or when no file should be read). */
  static fromEnvironment(env: Readonly<Record<string, string | undefined>>): Settings {
    return new Settings(env, null);
  }

  /**
   * Settings from the environment and the `.env` file at `envFile` (relative to `cwd`), which may
   * be absent. A file that exists but cannot be read, or has malformed lines, is reported by
   * {@link loadCoreConfig} / {@link loadBotConfig} as a problem.
   */
  static read(options: { env?: Readonly<Record<string, string | undefined>>; envFile?: string; cwd?: string } = {}): Settings {
    const file = path.resolve(options.cwd ?? process.cwd(), options.envFile ?? '.env');
    let read: EnvFileRead;
    try {
      const parsed = parseEnvFile(readFileSync(file, 'utf8'));
      read = { path: file, entries: parsed.entries, problems: parsed.problems.map((p) => `${file} line ${p.line} ${p.message}`) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      read = { path: file, entries: null, problems: code === 'ENOENT' ? [] : [`${file} cannot be read (${code ?? (error as Error).message})`] };
    }
    return new Settings(options.env ?? process.env, read);
  }

  /** The merged values, as the schemas read them. */
  values(): Record<string, string | undefined> {
    const merged: Record<string, string | undefined> = {};
    for (const [key, { value }] of this.file?.entries ?? []) merged[key] = value;
    for (const [key, value] of Object.entries(this.env)) if (value !== undefined && (value !== '' || merged[key] === undefined)) merged[key] = value;
    return merged;
  }

  /** Problems of the `.env` file itself (unreadable, malformed lines). */
  fileProblems(): string[] {
    return this.file?.problems ?? [];
  }

  /** Where the value of `key` came from: "the environment" or "/path/.env, line 3"; null when unset. */
  origin(key: string): string | null {
    const fromEnv = this.env[key];
    const entry = this.file?.entries?.get(key);
    if (fromEnv !== undefined && (fromEnv !== '' || entry === undefined)) return 'the environment';
    return entry ? `${this.file!.path}, line ${entry.line}` : null;
  }

  /** Why `key` has no value, for a "is required" message. */
  whyUnset(key: string): string {
    const origin = this.origin(key);
    if (origin) return `it is empty in ${origin}`;
    if (!this.file) return 'it is not set in the environment';
    return this.file.entries ? `it is set neither in the environment nor in ${this.file.path}` : `it is not set in the environment and there is no ${this.file.path}`;
  }
}

function parse<T extends z.ZodType>(schema: T, settings: Settings): z.infer<T> {
  const result = schema.safeParse(settings.values());
  const problems = [...settings.fileProblems()];
  if (result.success && problems.length === 0) return result.data;
  // Never echo values: a malformed token must not end up in a terminal or log.
  for (const issue of result.success ? [] : result.error.issues) {
    const key = issue.path.join('.');
    const message = issue.message.replace(/^Invalid input: /, '');
    const origin = settings.origin(key);
    const unset = settings.values()[key] === undefined || settings.values()[key] === '';
    problems.push(unset ? `${key} ${message}; ${settings.whyUnset(key)}` : `${key} (from ${origin ?? 'the environment'}) ${message}`);
  }
  throw new ConfigError(problems);
}

const asSettings = (source: Settings | Readonly<Record<string, string | undefined>>) => (source instanceof Settings ? source : Settings.fromEnvironment(source));

/**
 * Reads the core settings (all optional). Default source: the environment, then `./.env`.
 * A plain record is taken as the whole environment (no file is read).
 */
export function loadCoreConfig(source: Settings | Readonly<Record<string, string | undefined>> = Settings.read()): CoreConfig {
  return parse(coreSchema, asSettings(source));
}

/** Reads the bot settings, reporting every missing or malformed one at once; sources as {@link loadCoreConfig}. */
export function loadBotConfig(source: Settings | Readonly<Record<string, string | undefined>> = Settings.read()): BotConfig {
  return parse(botSchema, asSettings(source));
}
