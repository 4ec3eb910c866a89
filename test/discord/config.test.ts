/** The bot's settings: every problem named at once, no value echoed (src/config.ts, src/discord/config-help.ts). */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig } from '../../src/config.js';
import { configHelp } from '../../src/discord/config-help.js';
import { TEST_TOKEN } from './harness.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadBotConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('bot settings', () => {
  it('name each missing required setting, empty strings counting as missing', () => {
    const missing = problems({ DISCORD_TOKEN: '' });
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatch(/^DISCORD_TOKEN is required/);
    expect(missing[1]).toMatch(/^DISCORD_CLIENT_ID is required/);
  });

  it('name each malformed setting and never echo its value', () => {
    const found = problems({ DISCORD_TOKEN: 'zz-secret-zz', DISCORD_CLIENT_ID: 'abc', DISCORD_GUILD_ID: '12', DISCORD_API_URL: 'nowhere', ASK_COOLDOWN_PER_MINUTE: '0', FEEDBACK_SALT: 'short' });
    const named = found.map((p) => p.split(' ')[0]).sort();
    expect(named).toEqual(['ASK_COOLDOWN_PER_MINUTE', 'DISCORD_API_URL', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_TOKEN', 'FEEDBACK_SALT']);
    expect(found).toHaveLength(6);
    expect(found.join('\n')).not.toContain('zz-secret-zz');
    expect(found.join('\n')).not.toContain('nowhere');
  });

  it('default the optional ones', () => {
    const config = loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: '123456789012345678' });
    expect(config).toMatchObject({ FEEDBACK_FILE: 'feedback.jsonl', ASK_COOLDOWN_PER_MINUTE: 5, SEEDS_DIR: 'seeds', INDEX_DIR: 'index' });
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.DISCORD_API_URL).toBeUndefined();
  });

  it('the start-up message lists every problem and points to the offline CLI', () => {
    const text = configHelp(new ConfigError(['DISCORD_TOKEN is required', 'DISCORD_CLIENT_ID is required']));
    expect(text).toContain('  - DISCORD_TOKEN is required\n  - DISCORD_CLIENT_ID is required');
    expect(text).toContain('.env.example');
    expect(text).toContain('npm run ask');
  });
});
