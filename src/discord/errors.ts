/**
 * Classifying Discord errors and describing them for the log without leaking secrets.
 *
 * Interaction tokens sit in REST URLs (`/interactions/:id/:token/callback`,
 * `/webhooks/:app/:token/…`) and discord.js puts those URLs on its errors; they are credentials
 * for 15 minutes, so they are cut out, as is the bot token wherever it might appear.
 *
 * @module
 */
import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';

/** True for Discord's 40060 "Interaction has already been acknowledged". */
export function isAlreadyAcknowledged(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** True when the interaction can no longer be answered (10062 unknown interaction, 10015 unknown webhook, 50027 token expired). */
export function isGone(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    [RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.UnknownWebhook, RESTJSONErrorCodes.InvalidWebhookToken].includes(error.code as number)
  );
}

const URL_TOKENS = [/(\/interactions\/\d+\/)[^/?\s]+/gu, /(\/webhooks\/\d+\/)[^/?\s]+/gu];
/** Shape of a bot token: three base64url parts separated by dots. */
const BOT_TOKEN = /[\w-]{23,}\.[\w-]{6,}\.[\w-]{27,}/gu;

/**
 * Removes interaction and bot tokens from text.
 *
 * @param text - a message, URL or stack
 * @param secrets - exact strings to remove as well (the configured bot token)
 */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const pattern of URL_TOKENS) out = out.replace(pattern, '$1[redacted]');
  return out.replace(BOT_TOKEN, '[redacted]');
}

/** A log-safe description of an error. */
export interface ErrorDescription {
  name: string;
  message: string;
  /** Discord's JSON error code, when Discord answered with one. */
  code?: number | string;
  status?: number;
  method?: string;
  /** The request path with tokens removed. */
  path?: string;
  stack?: string;
}

/**
 * Describes any thrown value for the log: name, message, Discord code and status, the request
 * path with tokens removed, and the stack, never request bodies or headers.
 */
export function describeError(error: unknown, secrets: readonly string[] = []): ErrorDescription {
  if (!(error instanceof Error)) return { name: typeof error, message: scrub(String(error), secrets) };
  const out: ErrorDescription = { name: error.name, message: scrub(error.message, secrets) };
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    out.status = error.status;
    out.method = error.method;
    try {
      out.path = scrub(new URL(error.url).pathname, secrets);
    } catch {
      out.path = scrub(error.url, secrets);
    }
  }
  if (error instanceof DiscordAPIError) out.code = error.code;
  else if ('code' in error && (typeof error.code === 'string' || typeof error.code === 'number')) out.code = error.code;
  if (error.stack) out.stack = scrub(error.stack, secrets);
  return out;
}
