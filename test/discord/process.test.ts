import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installProcessHandlers } from '../../src/discord/process.js';
import { createLogger } from '../../src/log.js';
import { LogCapture, TEST_TOKEN } from './harness.js';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = Object.assign(emitter, { exit: (code?: number) => void exits.push(code ?? 0) });
  return { proc, exits };
}

describe('process handlers', () => {
  it('log an unhandled rejection (token cut out) and keep running', () => {
    const { proc, exits } = fakeProcess();
    const logs = new LogCapture();
    installProcessHandlers(proc, { log: createLogger('info', logs), shutdown: async () => undefined, secrets: [TEST_TOKEN] });
    proc.emit('unhandledRejection', new Error(`failed with ${TEST_TOKEN}`));

    expect(exits).toEqual([]);
    expect(logs.entries[0]).toMatchObject({ level: 50, msg: 'unhandled promise rejection (kept running)' });
    expect(logs.text()).not.toContain(TEST_TOKEN);
  });

  it('SIGTERM: shuts down once and exits 0', async () => {
    const { proc, exits } = fakeProcess();
    const shutdown = vi.fn(async () => undefined);
    installProcessHandlers(proc, { log: createLogger('silent'), shutdown });
    proc.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(shutdown).toHaveBeenCalledTimes(1);
  });

  it('SIGINT with a shutdown that hangs: exits 1 at the deadline; a second signal exits at once', async () => {
    const { proc, exits } = fakeProcess();
    installProcessHandlers(proc, { log: createLogger('silent'), shutdown: () => new Promise(() => undefined), deadlineMs: 50 });
    proc.emit('SIGINT', 'SIGINT');
    proc.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    await vi.waitFor(() => expect(exits).toEqual([1, 1]));
  });

  it('an uncaught exception is logged as fatal and exits 1', () => {
    const { proc, exits } = fakeProcess();
    const logs = new LogCapture();
    installProcessHandlers(proc, { log: createLogger('info', logs), shutdown: async () => undefined });
    proc.emit('uncaughtException', new Error('bad state'));
    expect(exits).toEqual([1]);
    expect(logs.entries[0]).toMatchObject({ level: 60 });
  });
});
