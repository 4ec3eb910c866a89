/** HEALTH_PORT and HEALTH_HOST in the one config module: off by default, loopback by default, checked. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig, loadCoreConfig } from '../../src/config.js';
import { TEST_TOKEN } from '../discord/harness.js';

const base = { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: '123456789012345678' };

function problems(env: Record<string, string>): string[] {
  try {
    loadBotConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('health settings', () => {
  it('leave the server off unless HEALTH_PORT is set, and listen on loopback unless HEALTH_HOST says otherwise', () => {
    for (const env of [base, { ...base, HEALTH_PORT: '', HEALTH_HOST: '' }]) {
      const config = loadBotConfig(env);
      expect(config.HEALTH_PORT).toBeUndefined();
      expect(config.HEALTH_HOST).toBe('127.0.0.1');
    }
    expect(loadBotConfig({ ...base, HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' })).toMatchObject({ HEALTH_PORT: 9464, HEALTH_HOST: '0.0.0.0' });
    expect(loadBotConfig({ ...base, HEALTH_PORT: '0', HEALTH_HOST: '::1' })).toMatchObject({ HEALTH_PORT: 0, HEALTH_HOST: '::1' });
  });

  it('name a malformed port or host without echoing it', () => {
    for (const port of ['http', '70000', '-1', '80.5']) {
      const found = problems({ HEALTH_PORT: port });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^HEALTH_PORT \(from the environment\) must be/);
      expect(found[0]).not.toContain(port);
    }
    const host = problems({ HEALTH_HOST: 'metrics.example.com' });
    expect(host).toEqual(['HEALTH_HOST (from the environment) must be an IP address to listen on, e.g. 127.0.0.1, or localhost']);
  });

  it('FEEDBACK_FILE is a core setting too: npm run feedback reads it without the Discord ones', () => {
    expect(loadCoreConfig({ FEEDBACK_FILE: 'data/fb.jsonl' }).FEEDBACK_FILE).toBe('data/fb.jsonl');
    expect(loadCoreConfig({}).FEEDBACK_FILE).toBe('feedback.jsonl');
  });
});
