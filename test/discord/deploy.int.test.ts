/**
 * Registering the commands against the Discord emulator, which validates command bodies the way
 * Discord does (names, localised names, description lengths, option counts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { commandDefinitions, deployCommands } from '../../src/discord/deploy.js';
import { startDiscordEmulator, type DiscordEmulator } from '../fakes/discord-emulator.js';
import { TEST_TOKEN } from './harness.js';

let emu: DiscordEmulator;

beforeAll(async () => {
  emu = await startDiscordEmulator({ token: TEST_TOKEN });
});
afterAll(async () => {
  await emu?.stop();
});

const base = () => ({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_URL: emu.apiBase });

describe('deployCommands', () => {
  it('puts exactly the command definitions to the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands({ ...base(), DISCORD_GUILD_ID: emu.guildId }, commands);

    const put = emu.requests.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', route: `/applications/${emu.applicationId}/guilds/${emu.guildId}/commands`, status: 200 });
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions(commands))));
    expect(result.scope).toBe('guild');
    expect(result.registered.map((c) => [c.name, c.type])).toEqual([['ask', 1], ['participants', 1], ['source', 1], ['help', 1], ['Check against the article', 3]]);
    expect(emu.commands.guild[emu.guildId]).toHaveLength(5);
    expect(emu.commands.global).toBeNull();
  });

  it('puts them globally without DISCORD_GUILD_ID', async () => {
    const result = await deployCommands(base(), commands);

    const put = emu.requests.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', route: `/applications/${emu.applicationId}/commands`, status: 200 });
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions(commands))));
    expect(result.scope).toBe('global');
    expect(emu.commands.global?.map((c) => (c as { name: string }).name)).toEqual(['ask', 'participants', 'source', 'help', 'Check against the article']);
  });

  it('is refused, as Discord refuses it, when a message command carries a description or a slash-command-style name is broken', async () => {
    const broken = [{ data: { name: 'Check against the article', toJSON: () => ({ name: 'Check against the article', type: 3, description: 'not allowed' }) } }, { data: { name: 'Bad Name', toJSON: () => ({ name: 'Bad Name', description: 'slash names are lower case, no spaces' }) } }];
    const error = await deployCommands({ ...base(), DISCORD_GUILD_ID: emu.guildId }, broken as never).catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/400.*50035/);
    expect(JSON.stringify(emu.requests.at(-1)!.status)).toBe('400');
  });

  it('reports a refusal without the token', async () => {
    const error = await deployCommands({ ...base(), DISCORD_GUILD_ID: '123456789012345678' }, commands).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/403.*50001/);
    expect((error as Error).message).not.toContain(TEST_TOKEN);
  });
});
