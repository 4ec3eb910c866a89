import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

describe('Cooldown', () => {
  it('allows N questions in a rolling minute, then says how long to wait', () => {
    let now = 1_000_000;
    const cooldown = new Cooldown(3, () => now);
    expect([cooldown.take('u'), cooldown.take('u'), cooldown.take('u')]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    now += 10_000;
    expect(cooldown.take('u')).toEqual({ ok: false, retryAfterMs: 50_000 });
    now += 50_000;
    expect(cooldown.take('u')).toEqual({ ok: true });
  });

  it('keeps users apart', () => {
    const cooldown = new Cooldown(1, () => 0);
    expect(cooldown.take('a').ok).toBe(true);
    expect(cooldown.take('b').ok).toBe(true);
    expect(cooldown.take('a').ok).toBe(false);
  });

  it('does not count refused attempts against the user', () => {
    let now = 0;
    const cooldown = new Cooldown(1, () => now);
    cooldown.take('u');
    for (let i = 0; i < 10; i++) cooldown.take('u');
    now = 60_000;
    expect(cooldown.take('u').ok).toBe(true);
  });

  it('forgets idle users once many are tracked', () => {
    let now = 0;
    const cooldown = new Cooldown(1, () => now);
    for (let i = 0; i <= 10_001; i++) cooldown.take(`u${i}`);
    now = 120_000;
    cooldown.take('fresh');
    expect(cooldown.size).toBe(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new Cooldown(0)).toThrow(RangeError);
  });
});
