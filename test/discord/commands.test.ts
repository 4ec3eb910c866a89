/**
 * The command definitions as Discord receives them: the explicit list, Korean localisations,
 * the option limits the server side enforces too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { buttonId, parseButtonId } from '../../src/discord/command.js';
import { commandDefinitions } from '../../src/discord/deploy.js';

type Json = { name: string; type?: number; name_localizations?: Record<string, string>; description: string; description_localizations?: Record<string, string>; options?: Json[]; max_length?: number; required?: boolean; autocomplete?: boolean; choices?: Array<{ name_localizations?: Record<string, string> }> };
const all = commandDefinitions(commands) as Json[];
/** The slash commands (type 1, the default); the message command has neither description nor options. */
const defs = all.filter((d) => (d.type ?? 1) === 1);

describe('commands', () => {
  it('are ask, participants, source, help and the message command, listed explicitly in commands/index.ts', () => {
    expect(all.map((d) => [d.name, d.type ?? 1])).toEqual([['ask', 1], ['participants', 1], ['source', 1], ['help', 1], ['Check against the article', 3]]);
    expect(readFileSync('commands/index.ts', 'utf8')).not.toMatch(/readdir|glob|import\(/);
  });

  it('are imported only by the entry points (bot, deploy script): lower layers are handed the list', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const importers = files.filter((f) => /from ['"][./]*commands\/index\.js['"]|import\(['"][./]*commands\/index\.js['"]\)/.test(readFileSync(path.join('src', f), 'utf8')));
    expect(importers.sort()).toEqual(['bot.ts', 'deploy-commands.ts']);
  });

  it('have Korean names and descriptions, for every option and choice too', () => {
    const walk = (item: Json) => {
      expect(item.name_localizations?.ko, item.name).toBeTruthy();
      expect(item.description_localizations?.ko, item.name).toBeTruthy();
      expect([...item.description_localizations!.ko!].length).toBeLessThanOrEqual(100);
      for (const choice of item.choices ?? []) expect(choice.name_localizations?.ko).toBeTruthy();
      for (const option of item.options ?? []) walk(option);
    };
    defs.forEach(walk);
  });

  it('limit what Discord lets a user type: the question to 500 characters, the id to 100 with autocomplete', () => {
    const question = defs[0]!.options!.find((o) => o.name === 'question')!;
    expect(question).toMatchObject({ required: true, max_length: 500 });
    const id = defs[2]!.options![0]!;
    expect(id).toMatchObject({ name: 'id', required: true, autocomplete: true, max_length: 100 });
  });

  it('the message command has a Korean name and nothing a message command may not have', () => {
    const message = all.find((d) => d.type === 3)!;
    expect(message).toEqual({ name: 'Check against the article', name_localizations: { ko: '기사로 확인' }, type: 3 });
  });

  it('every command has a handler; /source also autocompletes, /ask and the check handle their buttons', () => {
    for (const c of commands) expect(typeof c.execute).toBe('function');
    expect(commands.find((c) => c.data.name === 'source')?.autocomplete).toBeTypeOf('function');
    expect(commands.find((c) => c.data.name === 'ask')?.button).toBeTypeOf('function');
    expect(commands.find((c) => c.kind === 'message')).toMatchObject({ buttonPrefix: 'check', button: expect.any(Function) });
  });

  it('are passed down, never imported by the layers below (src/ imports the list only in the two entry points)', () => {
    const importsList = /(?:from\s*|import\(\s*)['"][^'"]*commands\/index/u;
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join('src', f));
    const importers = files.filter((f) => importsList.test(readFileSync(f, 'utf8'))).sort();
    expect(files.length).toBeGreaterThan(40);
    expect(importers).toEqual(['src/bot.ts', 'src/deploy-commands.ts']);
    expect(readFileSync('src/bot.ts', 'utf8')).toContain("import('../commands/index.js')");
    expect(readFileSync('src/deploy-commands.ts', 'utf8')).toContain("from '../commands/index.js'");
  });
});

describe('button ids', () => {
  it('round-trip and refuse anything else', () => {
    expect(parseButtonId(buttonId('ask', 'up', '1234567890123456789'))).toEqual({ command: 'ask', action: 'up', argument: '1234567890123456789' });
    expect(parseButtonId('ask:sources')).toEqual({ command: 'ask', action: 'sources', argument: '' });
    for (const bad of ['', 'ask', 'ask:up:1:2', 'ASK:up:1', 'ask:up:<@123>']) expect(parseButtonId(bad)).toBeNull();
  });
});
