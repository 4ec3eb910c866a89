import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeError, isAlreadyAcknowledged, isGone, scrub } from '../../src/discord/errors.js';
import { TEST_TOKEN } from './harness.js';

const url = 'http://127.0.0.1:1/api/v10/interactions/1234567890123456789/aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu/callback';
const apiError = (code: number, status = 400) =>
  new DiscordAPIError({ message: 'Interaction has already been acknowledged.', code }, code, status, 'POST', url, { body: { token: 'x' } });

describe('errors', () => {
  it('recognises "already acknowledged" and "gone"', () => {
    expect(isAlreadyAcknowledged(apiError(40060))).toBe(true);
    expect(isAlreadyAcknowledged(apiError(10062, 404))).toBe(false);
    expect(isGone(apiError(10062, 404))).toBe(true);
    expect(isGone(new Error('x'))).toBe(false);
  });

  it('describes a Discord error with status, code and path, the interaction token cut out, and no body', () => {
    const described = describeError(apiError(40060));
    expect(described).toMatchObject({ name: 'DiscordAPIError[40060]', code: 40060, status: 400, method: 'POST', path: '/api/v10/interactions/1234567890123456789/[redacted]/callback' });
    expect(JSON.stringify(described)).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu');
    expect(JSON.stringify(described)).not.toContain('"body"');
  });

  it('describes an HTTP error (5xx after retries) the same way', () => {
    const error = new HTTPError(500, 'Internal Server Error', 'PATCH', url.replace('/interactions/', '/webhooks/').replace('/callback', '/messages/@original'), { body: undefined });
    expect(describeError(error)).toMatchObject({ status: 500, method: 'PATCH', path: '/api/v10/webhooks/1234567890123456789/[redacted]/messages/@original' });
  });

  it('cuts bot tokens and given secrets out of any text', () => {
    expect(scrub(`login with ${TEST_TOKEN} failed`)).toBe('login with [redacted] failed');
    expect(scrub('the secret is hunter2hunter2', ['hunter2hunter2'])).toBe('the secret is [redacted]');
    expect(describeError(`rejected: ${TEST_TOKEN}`).message).toBe('rejected: [redacted]');
  });
});
