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
    expect(result.registered.map((c) => c.name)).toEqual(['ask', 'participants', 'source', 'help']);
    expect(emu.commands.guild[emu.guildId]).toHaveLength(4);
    expect(emu.commands.global).toBeNull();
  });

  it('puts them globally without DISCORD_GUILD_ID', async () => {
    const result = await deployCommands(base(), commands);

    const put = emu.requests.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', route: `/applications/${emu.applicationId}/commands`, status: 200 });
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions(commands))));
    expect(result.scope).toBe('global');
    expect(emu.commands.global?.map((c) => (c as { name: string }).name)).toEqual(['ask', 'participants', 'source', 'help']);
  });

  it('reports a refusal without the token', async () => {
    const error = await deployCommands({ ...base(), DISCORD_GUILD_ID: '123456789012345678' }, commands).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/403.*50001/);
    expect((error as Error).message).not.toContain(TEST_TOKEN);
  });
});
