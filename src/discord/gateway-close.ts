/**
 * Gateway close codes the bot cannot recover from, and the error that carries one. Kept apart
 * from start.ts (no discord.js import) so that src/bot.ts can recognise the error cheaply.
 *
 * @module
 */

/**
 * Close codes after which discord.js does not reconnect (Discord's 4004 and 4010–4014), with
 * what each means for the person running the bot: each needs a change of settings or code,
 * not a retry.
 */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [4004, 'authentication failed: the token was refused (reset, revoked or wrong DISCORD_TOKEN)'],
  [4010, 'invalid shard'],
  [4011, 'sharding required: the bot is in too many servers for one connection'],
  [4012, 'invalid API version: update discord.js'],
  [4013, 'invalid intents'],
  [4014, 'disallowed intents: a privileged intent is not enabled for this application'],
]);

/** Why the gateway closed for good. */
export interface GatewayLost {
  code: number;
  reason: string;
}

/** Thrown by `startBot` when Discord closes the gateway for good while the bot logs in. */
export class GatewayClosedError extends Error {
  constructor(readonly lost: GatewayLost) {
    super(`Discord closed the gateway for good (${lost.code}, ${lost.reason})`);
    this.name = 'GatewayClosedError';
  }
}
