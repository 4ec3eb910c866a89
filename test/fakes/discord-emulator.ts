/**
 * A protocol-faithful Discord emulator (REST API v10 + JSON gateway) for tests.
 *
 * The real, unpatched discord.js `Client` logs in against it on 127.0.0.1:
 *
 * ```ts
 * const emu = await startDiscordEmulator();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiBase } });
 * await client.login('any-token');
 * const handle = emu.sendChatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: 'hi' }] });
 * const final = await handle.waitForFinal();
 * await client.destroy();
 * await emu.stop();
 * ```
 *
 * It keeps the rules Discord enforces and tests care about: one acknowledgement per interaction,
 * within 3 s (`404 Unknown interaction` afterwards, `400 already acknowledged` on a second one),
 * message and embed length limits, the empty-message rule, autocomplete choice limits, slash
 * command name/description rules (chat input, user and message commands), message commands with
 * their resolved target message, gateway RESUME with replay of missed dispatches, and GUILD_CREATE
 * only when the `Guilds` intent is requested (as Discord does). Error codes and bodies follow
 * Discord's JSON error format (`{message, code, errors?}`); where Discord's exact wording is not
 * documented the emulator says so in a comment.
 *
 * Nothing here touches the network beyond 127.0.0.1.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

// ─── Public types ───────────────────────────────────────────────────────────────────────────────

/** Options for {@link startDiscordEmulator}. */
export interface EmulatorOptions {
  /** Guilds the bot is in (17–19 digit snowflakes). Default: one generated guild. */
  guildIds?: string[];
  /** When set, REST `Authorization: Bot …` and gateway IDENTIFY must carry this token (else 401 / close 4004). */
  token?: string;
  /** `heartbeat_interval` sent in HELLO. Default 41250 ms, as Discord. */
  heartbeatIntervalMs?: number;
  /** How long an interaction may wait for its first callback. Default 3000 ms, as Discord. */
  ackDeadlineMs?: number;
  /** How long an interaction token accepts webhook requests. Default 15 min, as Discord. */
  tokenLifetimeMs?: number;
  /** Clock used for deadlines, timestamps and snowflakes. Default `Date.now`. */
  now?: () => number;
  /**
   * Answer every IDENTIFY by closing the gateway with this code, as Discord does for a
   * configuration it refuses (4010 invalid shard … 4014 disallowed intents).
   */
  identifyCloseCode?: number;
}

/** A file part of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One REST request as the emulator saw and answered it. */
export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Full path, percent-decoded: `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Path without the `/api/v10` prefix: `/webhooks/1/tok/messages/@original`. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON body, the parsed `payload_json` of a multipart body, or `undefined` when empty. */
  body: unknown;
  files: RecordedFile[];
  /** Status the emulator answered with; 0 for a request deliberately left hanging. */
  status: number;
  /** Arrival time (the emulator's clock, ms). */
  time: number;
}

/** A frame the client sent on the gateway. */
export interface GatewayEvent {
  op: number;
  d: unknown;
  time: number;
}

/** An option of an emulated slash command interaction (Discord's `ApplicationCommandInteractionDataOption`). */
export interface OptionInput {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: OptionInput[];
}

/** Who triggers an interaction, and where. */
export interface InteractionContextInput {
  /** Default: a fixed tester user. */
  userId?: string;
  /** The user's locale. Default `en-US`. */
  locale?: string;
  /** The guild's locale. Default `en-US`. */
  guildLocale?: string;
  /** Default: the emulator's first guild; `null` for a DM with the bot. */
  guildId?: string | null;
}

/** A slash command (or autocomplete) interaction to dispatch. */
export interface CommandInteractionInput extends InteractionContextInput {
  name: string;
  options?: OptionInput[];
}

/** A message command ("Apps" → command on a message) to dispatch, with the message it targets. */
export interface MessageCommandInput extends InteractionContextInput {
  /** The command's name as registered (`Check against the article`). */
  name: string;
  /** The target message: its text, who wrote it (default: a user other than the invoker), and its embeds. */
  target: { content: string; authorId?: string; embeds?: unknown[]; id?: string };
}

/** A button click to dispatch. */
export interface ButtonInteractionInput extends InteractionContextInput {
  customId: string;
  /** The message carrying the button: a message the emulator knows (e.g. an earlier reply) or a new id. */
  messageId?: string;
}

/** A message object as Discord returns it. */
export interface ApiMessage {
  id: string;
  channel_id: string;
  content: string;
  flags: number;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  [field: string]: unknown;
}

/** Follows one dispatched interaction: its callbacks and webhook requests. */
export interface InteractionHandle {
  id: string;
  token: string;
  /** When the INTERACTION_CREATE was handed to the gateway (emulator clock, ms). */
  dispatchedAt: number;
  /** The INTERACTION_CREATE `d` payload as dispatched. */
  payload: Record<string, unknown>;
  /** Callback and webhook requests for this interaction, in the order they were answered. */
  responses: RecordedRequest[];
  /** The message `@original` currently refers to, as a user would see it (null before any reply). */
  readonly original: ApiMessage | null;
  /** Follow-up messages, oldest first. */
  readonly followUps: ApiMessage[];
  /** Resolves with the first response matching `predicate` (already recorded or future). */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /**
   * Resolves with the successful response that completes the answer: a callback of type 4, 7, 8
   * or 9, or — after a deferring callback (5 or 6) — the first PATCH of `@original` or follow-up.
   */
  waitForFinal(timeoutMs?: number): Promise<RecordedRequest>;
}

/** Which requests a fault applies to, and how. */
export interface FaultMatch {
  method: string;
  /** Substring of the decoded path, e.g. `/callback` or `messages/@original`. */
  pathIncludes: string;
  /** For 429: seconds sent as `Retry-After` and `retry_after`. Default 0.05. */
  retryAfterSeconds?: number;
  /**
   * Apply the request first, then answer with the fault (Discord did the work but the answer got
   * lost): a retried callback then meets "already acknowledged".
   */
  afterProcessing?: boolean;
}

/** Registered application commands: last PUT bodies, echoed with ids. */
export interface RegisteredCommands {
  global: unknown[] | null;
  guild: Record<string, unknown[]>;
}

/** A running emulator. See {@link startDiscordEmulator}. */
export interface DiscordEmulator {
  /** Pass to discord.js as `rest: { api: apiBase }`, e.g. `http://127.0.0.1:PORT/api`. */
  apiBase: string;
  /** `ws://127.0.0.1:PORT`, as returned by `GET /gateway/bot`. */
  gatewayUrl: string;
  applicationId: string;
  /** Equal to `applicationId`, as for every bot created since 2016. */
  botUserId: string;
  /** The first guild. */
  guildId: string;
  guildIds: string[];
  /** The text channel interactions in `guildId` come from. */
  channelId: string;
  /** The default user triggering interactions. */
  testerUserId: string;
  /** Every REST request, in the order answered. */
  requests: RecordedRequest[];
  /** Every frame the client sent on the gateway (IDENTIFY, RESUME, heartbeats …). */
  gatewayEvents: GatewayEvent[];
  /** Every gateway connection URL, e.g. `/?v=10&encoding=json`. */
  gatewayConnections: string[];
  commands: RegisteredCommands;
  /** Dispatches a chat-input command (INTERACTION_CREATE type 2). */
  sendChatInput(input: CommandInteractionInput): InteractionHandle;
  /** Dispatches an autocomplete request (type 4); one option must be `focused`. */
  sendAutocomplete(input: CommandInteractionInput): InteractionHandle;
  /** Dispatches a button click (type 3, component type 2). */
  sendButton(input: ButtonInteractionInput): InteractionHandle;
  /**
   * Dispatches a message command (type 2 with `data.type` 3): `data.target_id` names the message and
   * `data.resolved.messages` carries it whole, content included, as Discord sends it to an app
   * without the Message Content intent. `<@id>` mentions in the content come with `mentions`.
   */
  sendMessageCommand(input: MessageCommandInput): InteractionHandle;
  /** Answers the next `times` matching requests with `status` (and `body`) instead of serving them. */
  failNext(match: FaultMatch, status: number, times?: number, body?: object): void;
  /** Leaves the next `times` matching requests without an answer (to exercise `rest.timeout`). */
  hangNext(match: Pick<FaultMatch, 'method' | 'pathIncludes'>, times?: number): void;
  /**
   * Closes the gateway socket from the server side. Codes 1000 and 3000–4999 send a close frame
   * (4000 makes discord.js RESUME after ~0.5 s); any other code drops the TCP connection (1006).
   * Dispatches sent while disconnected are replayed on RESUME.
   */
  closeGateway(code: number): void;
  /** Closes everything; leaves no handle open. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts an emulator on 127.0.0.1 with an ephemeral port.
 *
 * @param opts - see {@link EmulatorOptions}
 * @returns the running emulator; call `stop()` when done (after `client.destroy()`).
 */
export async function startDiscordEmulator(opts: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const emulator = new Emulator(opts);
  await emulator.listen();
  return emulator;
}

// ─── Constants ──────────────────────────────────────────────────────────────────────────────────

const DISCORD_EPOCH = 1_420_070_400_000n;
const SNOWFLAKE = /^\d{17,19}$/;

const InteractionType = { Command: 2, Component: 3, Autocomplete: 4 } as const;
const CommandType = { ChatInput: 1, User: 2, Message: 3 } as const;
const Callback = {
  Reply: 4,
  DeferReply: 5,
  DeferUpdate: 6,
  Update: 7,
  Autocomplete: 8,
  Modal: 9,
} as const;
const MessageFlag = { SuppressEmbeds: 4, Ephemeral: 64, Loading: 128, SuppressNotifications: 4096, ComponentsV2: 32768 };
const SETTABLE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.Ephemeral | MessageFlag.SuppressNotifications | MessageFlag.ComponentsV2;

/** ViewChannel, SendMessages, EmbedLinks, AttachFiles, ReadMessageHistory, UseApplicationCommands, SendMessagesInThreads. */
const PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n) | (1n << 38n)).toString();

const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  choices: 25,
  choiceName: 100,
  commands: 100,
  /** User and message commands each: at most 5 per application (or guild). */
  contextMenuCommands: 5,
  contextMenuName: 32,
  options: 25,
  commandDescription: 100,
};

// ─── Small helpers ──────────────────────────────────────────────────────────────────────────────

type JsonObject = Record<string, unknown>;

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}
function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
/** Discord counts characters as Unicode code points. */
function length(text: string): number {
  return [...text].length;
}

function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}
function apiError(status: number, code: number, message: string): Reply {
  return json(status, { message, code });
}
const notFound = (): Reply => apiError(404, 0, '404: Not Found');
const unknownInteraction = (): Reply => apiError(404, 10062, 'Unknown interaction');
const unknownWebhook = (): Reply => apiError(404, 10015, 'Unknown Webhook');
const unknownMessage = (): Reply => apiError(404, 10008, 'Unknown Message');
const emptyMessage = (): Reply => apiError(400, 50006, 'Cannot send an empty message');

/** Collects Discord-style form errors: `{field: {0: {name: {_errors: [{code, message}]}}}}`. */
class FormErrors {
  readonly tree: JsonObject = {};
  count = 0;

  add(path: Array<string | number>, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const next = asObject(node[String(key)]);
      node[String(key)] = next;
      node = next;
    }
    const list = asArray(node._errors);
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }

  /** Adds BASE_TYPE_BAD_LENGTH when `text` is not within `[min, max]` code points. */
  length(path: Array<string | number>, text: unknown, min: number, max: number): void {
    const n = typeof text === 'string' ? length(text) : 0;
    if (n < min || n > max) {
      const message = min === 0 ? `Must be ${max} or fewer in length.` : `Must be between ${min} and ${max} in length.`;
      this.add(path, min === 0 ? 'BASE_TYPE_MAX_LENGTH' : 'BASE_TYPE_BAD_LENGTH', message);
    }
  }

  reply(): Reply | null {
    return this.count === 0 ? null : json(400, { message: 'Invalid Form Body', code: 50035, errors: this.tree });
  }
}

// ─── Validation of bodies ───────────────────────────────────────────────────────────────────────

function validateEmbed(errors: FormErrors, embed: JsonObject, at: Array<string | number>): number {
  const optional = (key: string, max: number, path = [...at, key], value = embed[key]) => {
    if (value !== undefined) errors.length(path, value, 1, max);
    return typeof value === 'string' ? length(value) : 0;
  };
  let total = optional('title', Limits.embedTitle) + optional('description', Limits.embedDescription);
  total += optional('text', Limits.footer, [...at, 'footer', 'text'], asObject(embed.footer).text);
  total += optional('name', Limits.authorName, [...at, 'author', 'name'], asObject(embed.author).name);
  const fields = asArray(embed.fields);
  if (fields.length > Limits.embedFields) {
    errors.add([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.embedFields} or fewer in length.`);
  }
  fields.forEach((raw, i) => {
    const field = asObject(raw);
    errors.length([...at, 'fields', i, 'name'], field.name, 1, Limits.fieldName);
    errors.length([...at, 'fields', i, 'value'], field.value, 1, Limits.fieldValue);
    total += length(asString(field.name) ?? '') + length(asString(field.value) ?? '');
  });
  return total;
}

/** Validates the fields of a message create/edit body that are present. */
function validateMessageFields(errors: FormErrors, body: JsonObject, at: Array<string | number> = []): void {
  if (body.content !== undefined && body.content !== null) {
    errors.length([...at, 'content'], body.content, 0, Limits.content);
  }
  const embeds = asArray(body.embeds);
  if (embeds.length > Limits.embeds) {
    errors.add([...at, 'embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.embeds} or fewer in length.`);
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    total += validateEmbed(errors, asObject(embed), [...at, 'embeds', i]);
  });
  if (total > Limits.embedTotal) {
    errors.add([...at, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (!(flags & MessageFlag.ComponentsV2) && asArray(body.components).length > Limits.actionRows) {
    errors.add([...at, 'components'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.actionRows} or fewer in length.`);
  }
}

function isEmptyMessage(message: Pick<ApiMessage, 'content' | 'embeds' | 'components' | 'attachments'>): boolean {
  return (
    message.content.length === 0 &&
    message.embeds.length === 0 &&
    message.components.length === 0 &&
    message.attachments.length === 0
  );
}

function validateChoices(body: JsonObject): Reply | null {
  const errors = new FormErrors();
  const choices = asArray(asObject(body.data).choices);
  if (choices.length > Limits.choices) {
    errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.choices} or fewer in length.`);
  }
  choices.forEach((raw, i) => {
    const choice = asObject(raw);
    errors.length(['data', 'choices', i, 'name'], choice.name, 1, Limits.choiceName);
    if (typeof choice.value === 'string') errors.length(['data', 'choices', i, 'value'], choice.value, 1, 100);
  });
  return errors.reply();
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateName(errors: FormErrors, path: Array<string | number>, name: unknown): void {
  if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
}

/** User and message command names: 1–32 characters, mixed case and spaces allowed (Discord's documented rule). */
const CONTEXT_MENU_NAME = /^[-_' \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]+$/u;

function validateContextMenuName(errors: FormErrors, path: Array<string | number>, name: unknown): void {
  if (typeof name !== 'string' || !CONTEXT_MENU_NAME.test(name) || name.trim() !== name || length(name) < 1 || length(name) > Limits.contextMenuName) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
}

function validateLocalized(errors: FormErrors, at: Array<string | number>, item: JsonObject, chatInput: boolean): void {
  const check = chatInput ? validateName : validateContextMenuName;
  check(errors, [...at, 'name'], item.name);
  for (const [locale, name] of Object.entries(asObject(item.name_localizations))) {
    check(errors, [...at, 'name_localizations', locale], name);
  }
  if (!chatInput) {
    // A user or message command has no description and no options; Discord's exact wording for
    // this refusal is not documented: this mirrors its form-error shape.
    if (typeof item.description === 'string' && item.description !== '') errors.add([...at, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have a description');
    if (asArray(item.options).length > 0) errors.add([...at, 'options'], 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS', 'Context menu commands cannot have options');
    return;
  }
  errors.length([...at, 'description'], item.description, 1, Limits.commandDescription);
  for (const [locale, text] of Object.entries(asObject(item.description_localizations))) {
    errors.length([...at, 'description_localizations', locale], text, 1, Limits.commandDescription);
  }
}

function validateOptions(errors: FormErrors, at: Array<string | number>, options: unknown[]): void {
  if (options.length > Limits.options) {
    errors.add([...at, 'options'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.options} or fewer in length.`);
  }
  options.forEach((raw, i) => {
    const option = asObject(raw);
    const path = [...at, 'options', i];
    validateLocalized(errors, path, option, true);
    if (asArray(option.choices).length > Limits.choices) {
      errors.add([...path, 'choices'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.choices} or fewer in length.`);
    }
    validateOptions(errors, path, asArray(option.options));
  });
}

function validateCommands(body: unknown): Reply | null {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors.reply();
  }
  if (body.length > Limits.commands) {
    errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.commands} or fewer in length.`);
  }
  const seen = new Set<string>();
  for (const type of [CommandType.User, CommandType.Message]) {
    if (body.filter((raw) => asObject(raw).type === type).length > Limits.contextMenuCommands) {
      errors.add([], 'BASE_TYPE_MAX_LENGTH', `At most ${Limits.contextMenuCommands} commands of type ${type}.`);
    }
  }
  body.forEach((raw, i) => {
    const command = asObject(raw);
    const type = typeof command.type === 'number' ? command.type : 1;
    if (![CommandType.ChatInput, CommandType.User, CommandType.Message].includes(type as 1 | 2 | 3)) errors.add([i, 'type'], 'BASE_TYPE_CHOICES', `Value must be one of (1, 2, 3).`);
    validateLocalized(errors, [i], command, type === CommandType.ChatInput);
    if (type === 1) validateOptions(errors, [i], asArray(command.options));
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    seen.add(key);
  });
  return errors.reply();
}

// ─── HTTP plumbing ──────────────────────────────────────────────────────────────────────────────

interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
  invalid: boolean;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  let invalid = false;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field !== 'payload_json') continue;
      const parsed = parseJson(value);
      if (parsed.ok) body = parsed.value;
      else invalid = true;
    } else {
      files.push({ field, filename: value.name, contentType: value.type, size: value.size });
    }
  }
  return { body, files, invalid };
}

async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { body: undefined, files: [], invalid: false };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  const parsed = parseJson(raw.toString('utf8'));
  return parsed.ok ? { body: parsed.value, files: [], invalid: false } : { body: raw.toString('utf8'), files: [], invalid: true };
}

function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function send(res: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply.body));
}

// ─── Internal state ─────────────────────────────────────────────────────────────────────────────

interface InteractionState {
  id: string;
  token: string;
  type: number;
  /** For application commands: 1 chat input, 2 user, 3 message. */
  commandType: number | null;
  /** For a message command: the message it was used on. */
  targetMessageId: string | null;
  name: string;
  createdAt: number;
  channelId: string;
  guildId: string | null;
  user: JsonObject;
  ownerMap: JsonObject;
  /** The message a component interaction was triggered from. */
  componentMessageId: string | null;
  acked: boolean;
  deferred: boolean;
  originalId: string | null;
  followUpIds: string[];
  responses: RecordedRequest[];
  listeners: Set<() => void>;
}

interface Fault {
  method: string;
  pathIncludes: string;
  status: number;
  remaining: number;
  body?: object;
  retryAfterSeconds: number;
  afterProcessing: boolean;
  hang: boolean;
}

interface GatewaySession {
  id: string;
  seq: number;
  log: Array<{ op: 0; s: number; t: string; d: unknown }>;
  socket: WebSocket | null;
  shard: unknown;
  intents: number;
}

interface Waiter {
  reject: (error: Error) => void;
}

type RouteHandler = (request: RecordedRequest, params: string[]) => Reply;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, RouteHandler>>;
  /** Requires `Authorization: Bot <token>`. */
  auth: boolean;
}

// ─── The emulator ───────────────────────────────────────────────────────────────────────────────

class Emulator implements DiscordEmulator {
  apiBase = '';
  gatewayUrl = '';
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildIds: string[];
  readonly guildId: string;
  readonly channelId: string;
  readonly testerUserId: string;
  readonly requests: RecordedRequest[] = [];
  readonly gatewayEvents: GatewayEvent[] = [];
  readonly gatewayConnections: string[] = [];
  readonly commands: RegisteredCommands = { global: null, guild: {} };

  private readonly opts: Required<Omit<EmulatorOptions, 'guildIds' | 'token' | 'identifyCloseCode'>> & Pick<EmulatorOptions, 'token' | 'identifyCloseCode'>;
  private readonly server = createServer((req, res) => void this.onHttp(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly authenticated = new WeakSet<WebSocket>();
  private readonly channels = new Map<string, string>();
  private readonly messages = new Map<string, ApiMessage>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly routes: Route[];
  private session: GatewaySession | null = null;
  private increment = 0n;
  private stopped = false;

  constructor(options: EmulatorOptions) {
    this.opts = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ackDeadlineMs: options.ackDeadlineMs ?? 3_000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
      now: options.now ?? Date.now,
      token: options.token,
      identifyCloseCode: options.identifyCloseCode,
    };
    for (const id of options.guildIds ?? []) {
      if (!SNOWFLAKE.test(id)) throw new Error(`guild id ${id} is not a 17–19 digit snowflake`);
    }
    this.applicationId = this.snowflake();
    this.botUserId = this.applicationId;
    this.testerUserId = this.snowflake();
    this.guildIds = options.guildIds?.length ? [...options.guildIds] : [this.snowflake()];
    this.guildId = this.guildIds[0] ?? this.snowflake();
    this.channelId = this.channelFor(this.guildId);
    this.routes = this.buildRoutes();
  }

  // ── lifecycle ──

  async listen(): Promise<void> {
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws, req.url ?? '/'));
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const waiter of this.waiters) waiter.reject(new Error('Discord emulator stopped'));
    this.waiters.clear();
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── ids and fixtures ──

  private snowflake(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    const ms = BigInt(this.opts.now()) - DISCORD_EPOCH;
    return ((ms << 22n) | (1n << 17n) | (1n << 12n) | this.increment).toString();
  }

  /** The text channel of a guild, or the DM channel with a user; stable per key. */
  private channelFor(guildId: string | null, userId = this.testerUserId): string {
    const key = guildId ?? `dm:${userId}`;
    let id = this.channels.get(key);
    if (!id) {
      id = this.snowflake();
      this.channels.set(key, id);
    }
    return id;
  }

  private iso(): string {
    return new Date(this.opts.now()).toISOString();
  }

  private user(id: string): JsonObject {
    const bot = id === this.botUserId;
    return {
      id,
      username: bot ? 'emulated-bot' : id === this.testerUserId ? 'tester' : `user${id.slice(-4)}`,
      global_name: bot ? null : 'Tester',
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      flags: 0,
      ...(bot ? { bot: true } : {}),
    };
  }

  private member(user: JsonObject): JsonObject {
    return {
      user,
      roles: [],
      nick: null,
      avatar: null,
      banner: null,
      premium_since: null,
      pending: false,
      mute: false,
      deaf: false,
      flags: 0,
      permissions: PERMISSIONS,
      joined_at: this.iso(),
      communication_disabled_until: null,
    };
  }

  private textChannel(guildId: string): JsonObject {
    return {
      id: this.channelFor(guildId),
      type: 0,
      name: 'general',
      position: 0,
      parent_id: null,
      topic: null,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0,
      permission_overwrites: [],
    };
  }

  private guild(guildId: string): JsonObject {
    const everyone = {
      id: guildId,
      name: '@everyone',
      color: 0,
      hoist: false,
      position: 0,
      permissions: PERMISSIONS,
      managed: false,
      mentionable: false,
      flags: 0,
    };
    return {
      id: guildId,
      name: 'Emulated Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.testerUserId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      system_channel_id: this.channelFor(guildId),
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      max_members: 500_000,
      features: [],
      roles: [everyone],
      emojis: [],
      stickers: [],
      joined_at: this.iso(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [this.member(this.user(this.botUserId))],
      channels: [this.textChannel(guildId)],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ── gateway ──

  private onGatewayConnection(socket: WebSocket, rawUrl: string): void {
    this.gatewayConnections.push(rawUrl);
    const query = new URL(rawUrl, 'ws://127.0.0.1').searchParams;
    socket.on('close', () => {
      if (this.session?.socket === socket) this.session.socket = null;
    });
    socket.on('error', () => undefined);
    if (query.get('v') !== '10') {
      socket.close(4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      socket.close(4002, 'Only JSON encoding is emulated');
      return;
    }
    socket.on('message', (data, isBinary) => this.onGatewayFrame(socket, data, isBinary));
    // `compress=zlib-stream` is ignored: text frames are always plain JSON, which discord.js accepts.
    this.sendFrame(socket, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs, _trace: ['emulator'] } });
  }

  private sendFrame(socket: WebSocket, frame: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }

  private onGatewayFrame(socket: WebSocket, data: RawData, isBinary: boolean): void {
    const parsed = isBinary ? { ok: false as const } : parseJson(data.toString());
    const frame = parsed.ok ? asObject(parsed.value) : null;
    if (!frame || typeof frame.op !== 'number') {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    this.gatewayEvents.push({ op: frame.op, d: frame.d, time: this.opts.now() });
    this.onGatewayOp(socket, frame.op, asObject(frame.d));
  }

  private onGatewayOp(socket: WebSocket, op: number, d: JsonObject): void {
    if (op === 1) {
      this.sendFrame(socket, { op: 11, d: null });
      return;
    }
    if (op === 2) return this.identify(socket, d);
    if (op === 6) return this.resume(socket, d);
    if (!this.authenticated.has(socket)) {
      socket.close(4003, 'Not authenticated.');
      return;
    }
    // Presence update (3), voice state (4), request guild members (8), soundboard (31): accepted, ignored.
    if (![3, 4, 8, 31].includes(op)) socket.close(4001, 'Unknown opcode.');
  }

  private tokenAccepted(token: unknown): boolean {
    return typeof token === 'string' && token.length > 0 && (this.opts.token === undefined || token === this.opts.token);
  }

  private identify(socket: WebSocket, d: JsonObject): void {
    if (this.authenticated.has(socket)) {
      socket.close(4005, 'Already authenticated.');
      return;
    }
    if (!this.tokenAccepted(d.token)) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    if (this.opts.identifyCloseCode !== undefined) {
      socket.close(this.opts.identifyCloseCode, 'Refused by emulator.');
      return;
    }
    this.authenticated.add(socket);
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    this.session = { id: randomBytes(16).toString('hex'), seq: 0, log: [], socket, shard: d.shard ?? [0, 1], intents };
    this.dispatch('READY', this.readyPayload());
    // Discord sends GUILD_CREATE only with the GUILDS intent (bit 0).
    if (intents & 1) for (const guildId of this.guildIds) this.dispatch('GUILD_CREATE', this.guild(guildId));
  }

  private readyPayload(): JsonObject {
    return {
      v: 10,
      user: { ...this.user(this.botUserId), verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      guilds: this.guildIds.map((id) => ({ id, unavailable: true })),
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_id: this.session?.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl,
      shard: this.session?.shard,
      application: { id: this.applicationId, flags: 0 },
      _trace: ['emulator'],
    };
  }

  private resume(socket: WebSocket, d: JsonObject): void {
    const session = this.session;
    if (!session || d.session_id !== session.id || !this.tokenAccepted(d.token)) {
      this.sendFrame(socket, { op: 9, d: false });
      return;
    }
    this.authenticated.add(socket);
    session.socket = socket;
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const frame of session.log) if (frame.s > from) this.sendFrame(socket, frame);
    this.dispatch('RESUMED', { _trace: ['emulator'] });
  }

  /** Sends a dispatch (op 0) with the next sequence number; kept for replay when disconnected. */
  private dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error('No gateway session: log the discord.js client in first');
    const frame = { op: 0 as const, s: ++session.seq, t, d };
    session.log.push(frame);
    if (session.socket) this.sendFrame(session.socket, frame);
  }

  closeGateway(code: number): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('No open gateway connection to close');
    if (code === 1000 || (code >= 3000 && code <= 4999)) socket.close(code, 'Closed by emulator');
    else socket.terminate();
  }

  // ── interactions: dispatch ──

  sendChatInput(input: CommandInteractionInput): InteractionHandle {
    return this.dispatchInteraction(InteractionType.Command, input.name, input, this.commandData(input));
  }

  sendAutocomplete(input: CommandInteractionInput): InteractionHandle {
    const focused = (options: OptionInput[]): boolean =>
      options.some((o) => o.focused === true || focused(o.options ?? []));
    if (!focused(input.options ?? [])) throw new Error('sendAutocomplete: one option must have focused: true');
    return this.dispatchInteraction(InteractionType.Autocomplete, input.name, input, this.commandData(input));
  }

  sendButton(input: ButtonInteractionInput): InteractionHandle {
    const guildId = input.guildId === undefined ? this.guildId : input.guildId;
    const message = this.componentMessage(input, guildId, this.channelFor(guildId, input.userId));
    const data = { custom_id: input.customId, component_type: 2 };
    return this.dispatchInteraction(InteractionType.Component, input.customId, input, data, message);
  }

  sendMessageCommand(input: MessageCommandInput): InteractionHandle {
    const guildId = input.guildId === undefined ? this.guildId : input.guildId;
    const channelId = this.channelFor(guildId, input.userId);
    const registered = this.findCommand(input.name, guildId, CommandType.Message);
    const target = this.userMessage(channelId, guildId, input.target);
    const data: JsonObject = {
      id: asString(registered?.id) ?? this.snowflake(),
      name: input.name,
      type: CommandType.Message,
      target_id: target.id,
      ...(registered && asString(registered.guild_id) ? { guild_id: registered.guild_id } : {}),
      resolved: { messages: { [target.id]: target } },
    };
    return this.dispatchInteraction(InteractionType.Command, input.name, input, data);
  }

  /** A message written by a user (not the bot) in a channel, as Discord includes it in `resolved.messages`. */
  private userMessage(channelId: string, guildId: string | null, target: MessageCommandInput['target']): ApiMessage {
    const authorId = target.authorId ?? this.snowflake();
    const mentionIds = [...new Set([...target.content.matchAll(/<@!?(\d{17,19})>/g)].map((m) => m[1]!))];
    const message: ApiMessage = {
      id: target.id ?? this.snowflake(),
      type: 0,
      channel_id: channelId,
      author: this.user(authorId),
      content: target.content,
      embeds: asArray(target.embeds),
      components: [],
      attachments: [],
      mentions: mentionIds.map((id) => this.user(id)),
      mention_roles: [...target.content.matchAll(/<@&(\d{17,19})>/g)].map((m) => m[1]!),
      mention_everyone: /@(?:everyone|here)\b/.test(target.content),
      pinned: false,
      tts: false,
      timestamp: this.iso(),
      edited_timestamp: null,
      flags: 0,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private commandData(input: CommandInteractionInput): JsonObject {
    const guildId = input.guildId === undefined ? this.guildId : input.guildId;
    const registered = this.findCommand(input.name, guildId, CommandType.ChatInput);
    const users = this.resolvedUsers(input.options ?? []);
    return {
      id: asString(registered?.id) ?? this.snowflake(),
      name: input.name,
      type: 1,
      ...(registered && asString(registered.guild_id) ? { guild_id: registered.guild_id } : {}),
      ...(input.options ? { options: input.options } : {}),
      ...(Object.keys(users).length ? { resolved: { users } } : {}),
    };
  }

  private findCommand(name: string, guildId: string | null, type: number): JsonObject | undefined {
    const lists = [guildId ? this.commands.guild[guildId] : undefined, this.commands.global ?? undefined];
    for (const list of lists) {
      const found = list?.map(asObject).find((c) => c.name === name && (c.type ?? 1) === type);
      if (found) return found;
    }
    return undefined;
  }

  /** User options (type 6) come with `resolved.users`, as Discord sends them. */
  private resolvedUsers(options: OptionInput[]): JsonObject {
    const users: JsonObject = {};
    for (const option of options) {
      if (option.type === 6 && typeof option.value === 'string') users[option.value] = this.user(option.value);
      Object.assign(users, this.resolvedUsers(option.options ?? []));
    }
    return users;
  }

  private componentMessage(input: ButtonInteractionInput, guildId: string | null, channelId: string): ApiMessage {
    const known = input.messageId ? this.messages.get(input.messageId) : undefined;
    if (known) return known;
    const button = { type: 2, style: 1, label: input.customId, custom_id: input.customId };
    const message = this.newMessage(channelId, guildId, {
      content: 'Emulated message',
      components: [{ type: 1, components: [button] }],
    });
    if (input.messageId) message.id = input.messageId;
    this.messages.set(message.id, message);
    return message;
  }

  private dispatchInteraction(
    type: number,
    name: string,
    who: InteractionContextInput,
    data: JsonObject,
    message?: ApiMessage,
  ): InteractionHandle {
    const id = this.snowflake();
    const token = `aW50ZXJhY3Rpb246${Buffer.from(id).toString('base64url')}${randomBytes(48).toString('base64url')}`;
    const guildId = who.guildId === undefined ? this.guildId : who.guildId;
    const user = this.user(who.userId ?? this.testerUserId);
    const channel = guildId
      ? { ...this.textChannel(guildId), guild_id: guildId, permissions: PERMISSIONS }
      : { id: this.channelFor(null, String(user.id)), type: 1, flags: 0, last_message_id: null, recipients: [user] };
    const channelId = String(channel.id);
    const ownerMap = guildId ? { '0': guildId } : { '1': user.id };
    const payload: JsonObject = {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      channel_id: channelId,
      channel,
      ...(guildId
        ? { guild_id: guildId, guild: { id: guildId, locale: who.guildLocale ?? 'en-US', features: [] }, member: this.member(user), guild_locale: who.guildLocale ?? 'en-US' }
        : { user }),
      locale: who.locale ?? 'en-US',
      app_permissions: PERMISSIONS,
      entitlements: [],
      authorizing_integration_owners: ownerMap,
      context: guildId ? 0 : 1,
      attachment_size_limit: 10_485_760,
      ...(message ? { message } : {}),
    };
    const state: InteractionState = {
      id,
      token,
      type,
      commandType: type === InteractionType.Command || type === InteractionType.Autocomplete ? Number(data.type ?? CommandType.ChatInput) : null,
      targetMessageId: typeof data.target_id === 'string' && data.type === CommandType.Message ? data.target_id : null,
      name,
      createdAt: this.opts.now(),
      channelId,
      guildId,
      user,
      ownerMap,
      componentMessageId: message?.id ?? null,
      acked: false,
      deferred: false,
      originalId: null,
      followUpIds: [],
      responses: [],
      listeners: new Set(),
    };
    this.interactions.set(token, state);
    this.dispatch('INTERACTION_CREATE', payload);
    return this.handleFor(state, payload);
  }

  // ── interactions: handles ──

  private handleFor(state: InteractionState, payload: JsonObject): InteractionHandle {
    const messages = this.messages;
    const waitUntil = (find: () => RecordedRequest | undefined, timeoutMs: number, what: string) =>
      this.waitUntil(state, find, timeoutMs, what);
    return {
      id: state.id,
      token: state.token,
      dispatchedAt: state.createdAt,
      payload,
      responses: state.responses,
      get original() {
        return state.originalId ? (messages.get(state.originalId) ?? null) : null;
      },
      get followUps() {
        return state.followUpIds.flatMap((id) => messages.get(id) ?? []);
      },
      waitFor: (predicate, timeoutMs = 2_000) => waitUntil(() => state.responses.find(predicate), timeoutMs, 'matching response'),
      waitForFinal: (timeoutMs = 2_000) => waitUntil(() => findFinal(state.responses), timeoutMs, 'final response'),
    };
  }

  private waitUntil(
    state: InteractionState,
    find: () => RecordedRequest | undefined,
    timeoutMs: number,
    what: string,
  ): Promise<RecordedRequest> {
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise<RecordedRequest>((resolve, reject) => {
      const finish = (error: Error | null, value?: RecordedRequest) => {
        clearTimeout(timer);
        state.listeners.delete(check);
        this.waiters.delete(waiter);
        if (error) reject(error);
        else if (value) resolve(value);
      };
      const check = () => {
        const match = find();
        if (match) finish(null, match);
      };
      const waiter: Waiter = { reject: (error) => finish(error) };
      const timer = setTimeout(() => {
        const seen = state.responses.map((r) => `${r.method} ${r.route} → ${r.status}`).join('; ') || 'none';
        finish(new Error(`Interaction "${state.name}": no ${what} within ${timeoutMs} ms (responses: ${seen})`));
      }, timeoutMs);
      state.listeners.add(check);
      this.waiters.add(waiter);
    });
  }

  // ── faults ──

  failNext(match: FaultMatch, status: number, times = 1, body?: object): void {
    this.addFault(match, { status, remaining: times, body, hang: false });
  }

  hangNext(match: Pick<FaultMatch, 'method' | 'pathIncludes'>, times = 1): void {
    this.addFault(match, { status: 0, remaining: times, hang: true });
  }

  private addFault(match: FaultMatch, how: Pick<Fault, 'status' | 'remaining' | 'body' | 'hang'>): void {
    this.faults.push({
      method: match.method.toUpperCase(),
      pathIncludes: match.pathIncludes,
      retryAfterSeconds: match.retryAfterSeconds ?? 0.05,
      afterProcessing: match.afterProcessing ?? false,
      ...how,
    });
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && f.method === request.method && request.path.includes(f.pathIncludes),
    );
    if (fault) fault.remaining--;
    return fault;
  }

  private faultReply(fault: Fault): Reply {
    if (fault.status === 429) {
      const body = { message: 'You are being rate limited.', retry_after: fault.retryAfterSeconds, global: false, ...fault.body };
      return json(429, body, { 'retry-after': String(fault.retryAfterSeconds), 'x-ratelimit-scope': 'user' });
    }
    return json(fault.status, { message: `${fault.status}: Emulated failure`, code: 0, ...fault.body });
  }

  // ── REST: dispatch ──

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.serveHttp(req, res);
    } catch (error) {
      // An emulator bug, not a Discord behaviour: make it loud in the test output.
      console.error('Discord emulator failed to serve', req.method, req.url, error);
      if (!res.headersSent) send(res, apiError(500, 0, `Emulator error: ${String(error)}`));
    }
  }

  private async serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = this.opts.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parsed = await parseBody(req).catch((): ParsedBody => ({ body: undefined, files: [], invalid: true }));
    const path = decodePath(url.pathname);
    const request: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      route: path.startsWith('/api/v10/') ? path.slice('/api/v10'.length) : path,
      query: Object.fromEntries(url.searchParams),
      body: parsed.body,
      files: parsed.files,
      status: 0,
      time,
    };
    const fault = this.takeFault(request);
    if (fault?.hang) {
      this.record(request);
      return;
    }
    const reply = this.answer(request, req.headers.authorization, parsed.invalid, fault);
    request.status = reply.status;
    send(res, reply);
    this.record(request);
  }

  private answer(request: RecordedRequest, authorization: string | undefined, invalid: boolean, fault?: Fault): Reply {
    if (fault && !fault.afterProcessing) return this.faultReply(fault);
    const reply = invalid ? apiError(400, 50109, 'The request body contains invalid JSON.') : this.route(request, authorization);
    return fault ? this.faultReply(fault) : reply;
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    const state = this.interactionOf(request.route);
    if (!state) return;
    state.responses.push(request);
    for (const listener of [...state.listeners]) listener();
  }

  private interactionOf(route: string): InteractionState | undefined {
    const match = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(route);
    return match?.[1] ? this.interactions.get(match[1]) : undefined;
  }

  private route(request: RecordedRequest, authorization: string | undefined): Reply {
    if (!request.path.startsWith('/api/v10/')) return notFound();
    for (const route of this.routes) {
      const match = route.pattern.exec(request.route);
      if (!match) continue;
      const handler = route.methods[request.method];
      if (!handler) return apiError(405, 0, '405: Method Not Allowed');
      if (route.auth && !this.authorized(authorization)) return apiError(401, 0, '401: Unauthorized');
      return handler(request, match.slice(1).map((p) => p ?? ''));
    }
    return notFound();
  }

  private authorized(header: string | undefined): boolean {
    return header?.startsWith('Bot ') === true && this.tokenAccepted(header.slice(4));
  }

  private buildRoutes(): Route[] {
    const messageOps = {
      GET: (_r: RecordedRequest, [app, token, id]: string[]) => this.webhookMessage(app, token, id, 'GET'),
      PATCH: (r: RecordedRequest, [app, token, id]: string[]) => this.webhookMessage(app, token, id, 'PATCH', r),
      DELETE: (_r: RecordedRequest, [app, token, id]: string[]) => this.webhookMessage(app, token, id, 'DELETE'),
    };
    return [
      { pattern: /^\/gateway\/bot$/, auth: true, methods: { GET: () => json(200, this.gatewayBot()) } },
      { pattern: /^\/gateway$/, auth: false, methods: { GET: () => json(200, { url: this.gatewayUrl }) } },
      { pattern: /^\/users\/@me$/, auth: true, methods: { GET: () => json(200, this.user(this.botUserId)) } },
      { pattern: /^\/applications\/@me$/, auth: true, methods: { GET: () => json(200, this.application()) } },
      {
        pattern: /^\/applications\/(\d+)\/commands$/,
        auth: true,
        methods: {
          GET: (_r, [app]) => this.getCommands(app, null),
          PUT: (r, [app]) => this.putCommands(app, null, r.body),
        },
      },
      {
        pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        auth: true,
        methods: {
          GET: (_r, [app, guild]) => this.getCommands(app, guild ?? null),
          PUT: (r, [app, guild]) => this.putCommands(app, guild ?? null, r.body),
        },
      },
      {
        pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
        auth: false,
        methods: { POST: (r, [id, token]) => this.callback(id ?? '', token ?? '', r) },
      },
      { pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, auth: false, methods: { POST: (r, [app, token]) => this.followUp(app, token, r) } },
      { pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, auth: false, methods: messageOps },
    ];
  }

  // ── REST: simple routes ──

  private gatewayBot(): JsonObject {
    return {
      url: this.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    };
  }

  private application(): JsonObject {
    return {
      id: this.applicationId,
      name: 'Emulated App',
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: randomBytes(32).toString('hex'),
      flags: 0,
      bot: this.user(this.botUserId),
      owner: this.user(this.testerUserId),
      team: null,
    };
  }

  private commandsAccess(app: string | undefined, guildId: string | null): Reply | null {
    // Discord answers a foreign application or a guild the bot is not in with 403 Missing Access.
    if (app !== this.applicationId) return apiError(403, 50001, 'Missing Access');
    if (guildId !== null && !this.guildIds.includes(guildId)) return apiError(403, 50001, 'Missing Access');
    return null;
  }

  private getCommands(app: string | undefined, guildId: string | null): Reply {
    const denied = this.commandsAccess(app, guildId);
    if (denied) return denied;
    return json(200, (guildId ? this.commands.guild[guildId] : this.commands.global) ?? []);
  }

  private putCommands(app: string | undefined, guildId: string | null, body: unknown): Reply {
    const denied = this.commandsAccess(app, guildId) ?? validateCommands(body);
    if (denied) return denied;
    const previous = (guildId ? this.commands.guild[guildId] : this.commands.global) ?? [];
    const echoed = asArray(body).map((raw) => this.echoCommand(asObject(raw), guildId, previous));
    if (guildId) this.commands.guild[guildId] = echoed;
    else this.commands.global = echoed;
    return json(200, echoed);
  }

  private echoCommand(command: JsonObject, guildId: string | null, previous: unknown[]): JsonObject {
    const type = command.type ?? 1;
    const same = previous.map(asObject).find((c) => c.name === command.name && c.type === type);
    return {
      default_member_permissions: null,
      nsfw: false,
      description: '',
      ...command,
      type,
      id: asString(same?.id) ?? this.snowflake(),
      application_id: this.applicationId,
      version: this.snowflake(),
      ...(guildId ? { guild_id: guildId } : { integration_types: command.integration_types ?? [0] }),
    };
  }

  // ── REST: interaction callback ──

  private callback(id: string, token: string, request: RecordedRequest): Reply {
    const state = this.interactions.get(token);
    if (!state || state.id !== id) return unknownInteraction();
    if (this.opts.now() - state.createdAt > this.opts.ackDeadlineMs) return unknownInteraction();
    if (state.acked) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const body = asObject(request.body);
    const type = typeof body.type === 'number' ? body.type : -1;
    const outcome = this.applyCallback(state, type, asObject(body.data), request.files);
    if ('status' in outcome) return outcome;
    state.acked = true;
    state.deferred = type === Callback.DeferReply || type === Callback.DeferUpdate;
    if (request.query.with_response !== 'true') return { status: 204 };
    return json(200, this.callbackResponse(state, type, outcome.message));
  }

  private allowedCallbacks(state: InteractionState): number[] {
    if (state.type === InteractionType.Autocomplete) return [Callback.Autocomplete];
    if (state.type === InteractionType.Component) {
      return [Callback.Reply, Callback.DeferReply, Callback.DeferUpdate, Callback.Update, Callback.Modal];
    }
    return [Callback.Reply, Callback.DeferReply, Callback.Modal];
  }

  /** Applies a callback; returns the message it produced (if any) or an error reply. */
  private applyCallback(
    state: InteractionState,
    type: number,
    data: JsonObject,
    files: RecordedFile[],
  ): Reply | { message: ApiMessage | null } {
    if (!this.allowedCallbacks(state).includes(type)) {
      // Discord's exact answer here is not documented; this mirrors its form-error shape.
      const errors = new FormErrors();
      errors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Invalid interaction response type ${type}`);
      return errors.reply() ?? notFound();
    }
    switch (type) {
      case Callback.Reply:
        return this.createOriginal(state, data, files);
      case Callback.DeferReply:
        return this.createOriginal(state, { flags: MessageFlag.Loading | (Number(data.flags ?? 0) & MessageFlag.Ephemeral) }, []);
      case Callback.DeferUpdate:
        state.originalId = state.componentMessageId;
        return { message: null };
      case Callback.Update:
        return this.updateComponentMessage(state, data, files);
      case Callback.Autocomplete:
        return validateChoices({ data }) ?? { message: null };
      default:
        return { message: null };
    }
  }

  private createOriginal(state: InteractionState, data: JsonObject, files: RecordedFile[]): Reply | { message: ApiMessage } {
    const created = this.createInteractionMessage(state, data, files, ['data']);
    if ('status' in created) return created;
    state.originalId = created.message.id;
    return created;
  }

  private updateComponentMessage(state: InteractionState, data: JsonObject, files: RecordedFile[]): Reply | { message: ApiMessage } {
    const message = state.componentMessageId ? this.messages.get(state.componentMessageId) : undefined;
    if (!message) return unknownMessage();
    const edited = this.editMessage(message, data, files, ['data']);
    if ('status' in edited) return edited;
    state.originalId = message.id;
    return edited;
  }

  private callbackResponse(state: InteractionState, type: number, message: ApiMessage | null): JsonObject {
    const original = message ?? (state.originalId ? this.messages.get(state.originalId) : undefined) ?? null;
    return {
      interaction: {
        id: state.id,
        type: state.type,
        response_message_id: original?.id ?? null,
        response_message_loading: type === Callback.DeferReply,
        response_message_ephemeral: original ? (original.flags & MessageFlag.Ephemeral) !== 0 : false,
      },
      resource: { type, ...(message ? { message } : {}) },
    };
  }

  // ── REST: webhook messages (@original and follow-ups) ──

  /** The interaction behind a webhook token, or the error Discord gives. */
  private webhookState(app: string | undefined, token: string | undefined): InteractionState | Reply {
    const state = token ? this.interactions.get(token) : undefined;
    if (!state || app !== this.applicationId || !state.acked) return unknownWebhook();
    if (this.opts.now() - state.createdAt > this.opts.tokenLifetimeMs) return apiError(401, 50027, 'Invalid Webhook Token');
    return state;
  }

  private followUp(app: string | undefined, token: string | undefined, request: RecordedRequest): Reply {
    const state = this.webhookState(app, token);
    if ('status' in state) return state;
    const created = this.createInteractionMessage(state, asObject(request.body), request.files, []);
    if ('status' in created) return created;
    state.followUpIds.push(created.message.id);
    return json(200, created.message);
  }

  private webhookMessage(
    app: string | undefined,
    token: string | undefined,
    which: string | undefined,
    method: 'GET' | 'PATCH' | 'DELETE',
    request?: RecordedRequest,
  ): Reply {
    const state = this.webhookState(app, token);
    if ('status' in state) return state;
    const id = which === '@original' ? state.originalId : which;
    const owned = id !== null && id !== undefined && (id === state.originalId || state.followUpIds.includes(id));
    const message = owned ? this.messages.get(id) : undefined;
    if (!message) return unknownMessage();
    if (method === 'GET') return json(200, message);
    if (method === 'DELETE') {
      this.messages.delete(message.id);
      return { status: 204 };
    }
    const edited = this.editMessage(message, asObject(request?.body), request?.files ?? [], []);
    return 'status' in edited ? edited : json(200, edited.message);
  }

  // ── messages ──

  private attachments(files: RecordedFile[]): JsonObject[] {
    return files.map((file) => {
      const id = this.snowflake();
      const url = `${this.apiBase.replace(/\/api$/, '')}/attachments/${id}/${encodeURIComponent(file.filename)}`;
      return { id, filename: file.filename, size: file.size, content_type: file.contentType, url, proxy_url: url };
    });
  }

  /** A bot-authored message in `channelId`; `data` is a message create body. */
  private newMessage(channelId: string, guildId: string | null, data: JsonObject, files: RecordedFile[] = []): ApiMessage {
    return {
      id: this.snowflake(),
      type: 0,
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      author: this.user(this.botUserId),
      content: asString(data.content) ?? '',
      embeds: asArray(data.embeds).map((embed) => ({ type: 'rich', ...asObject(embed) })),
      components: asArray(data.components),
      attachments: this.attachments(files),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: data.tts === true,
      timestamp: this.iso(),
      edited_timestamp: null,
      flags: Number(data.flags ?? 0) & (SETTABLE_FLAGS | MessageFlag.Loading),
    };
  }

  private createInteractionMessage(
    state: InteractionState,
    data: JsonObject,
    files: RecordedFile[],
    at: string[],
  ): Reply | { message: ApiMessage } {
    const errors = new FormErrors();
    validateMessageFields(errors, data, at);
    const invalid = errors.reply();
    if (invalid) return invalid;
    const message: ApiMessage = {
      ...this.newMessage(state.channelId, state.guildId, data, files),
      // 20 CHAT_INPUT_COMMAND, 23 CONTEXT_MENU_COMMAND, 19 REPLY (components).
      type: state.type !== InteractionType.Command ? 19 : state.commandType === CommandType.ChatInput ? 20 : 23,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      interaction_metadata: {
        id: state.id,
        type: state.type,
        user: state.user,
        authorizing_integration_owners: state.ownerMap,
        ...(state.type === InteractionType.Command ? { name: state.name, command_type: state.commandType ?? CommandType.ChatInput } : {}),
        ...(state.targetMessageId ? { target_message_id: state.targetMessageId } : {}),
      },
    };
    if (!(message.flags & MessageFlag.Loading) && isEmptyMessage(message)) return emptyMessage();
    this.messages.set(message.id, message);
    return { message };
  }

  /** Applies an edit body (PATCH or UPDATE_MESSAGE) in place. */
  private editMessage(message: ApiMessage, data: JsonObject, files: RecordedFile[], at: string[]): Reply | { message: ApiMessage } {
    const errors = new FormErrors();
    validateMessageFields(errors, data, at);
    const invalid = errors.reply();
    if (invalid) return invalid;
    const next: ApiMessage = { ...message };
    if (data.content !== undefined) next.content = asString(data.content) ?? '';
    if (data.embeds !== undefined) next.embeds = asArray(data.embeds).map((embed) => ({ type: 'rich', ...asObject(embed) }));
    if (data.components !== undefined) next.components = asArray(data.components);
    if (data.attachments !== undefined || files.length > 0) next.attachments = this.keptAttachments(message, data, files);
    if (typeof data.flags === 'number') {
      next.flags = (message.flags & ~MessageFlag.SuppressEmbeds) | (data.flags & MessageFlag.SuppressEmbeds);
    }
    const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
    next.flags &= ~MessageFlag.Loading;
    if (!wasLoading) next.edited_timestamp = this.iso();
    if (isEmptyMessage(next)) return emptyMessage();
    Object.assign(message, next);
    return { message };
  }

  private keptAttachments(message: ApiMessage, data: JsonObject, files: RecordedFile[]): unknown[] {
    const keep = data.attachments === undefined ? null : new Set(asArray(data.attachments).map((a) => asObject(a).id));
    const kept = message.attachments.filter((a) => keep === null || keep.has(asObject(a).id));
    return [...kept, ...this.attachments(files)];
  }
}

// ─── Final-response detection ───────────────────────────────────────────────────────────────────

const FINAL_CALLBACKS: number[] = [Callback.Reply, Callback.Update, Callback.Autocomplete, Callback.Modal];
const DEFERRING_CALLBACKS: number[] = [Callback.DeferReply, Callback.DeferUpdate];

/** The response that completes an interaction's answer, if it has arrived. */
function findFinal(responses: RecordedRequest[]): RecordedRequest | undefined {
  let deferred = false;
  for (const response of responses) {
    if (response.status < 200 || response.status >= 300) continue;
    if (response.route.endsWith('/callback')) {
      const type = asObject(response.body).type;
      if (typeof type !== 'number') continue;
      if (FINAL_CALLBACKS.includes(type)) return response;
      deferred ||= DEFERRING_CALLBACKS.includes(type);
      continue;
    }
    const editsOriginal = response.method === 'PATCH' && response.route.endsWith('/messages/@original');
    const isFollowUp = response.method === 'POST' && response.route.startsWith('/webhooks/');
    if (deferred && (editsOriginal || isFollowUp)) return response;
  }
  return undefined;
}
