/**
 * The Discord emulator (test/fakes/discord-emulator.ts) against the real, unpatched discord.js
 * Client: login, the three interaction kinds, REST faults, gateway resume and a clean shutdown.
 * No project code is involved; the interaction handler below is the test's own.
 */
import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle } from './fakes/discord-emulator.js';

const REST_TIMEOUT_MS = 500;

let emu: DiscordEmulator;
let client: Client;
let destroyed = false;
/** Errors the handler caught, by interaction id. */
const handlerErrors = new Map<string, unknown>();
/** TCP handles open before the emulator started (vitest's own, if any). */
let baselineTcpHandles = 0;

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap').length;
}

/** The test's own handler: defer + edit for commands, respond for autocomplete, update for buttons. */
async function onInteraction(interaction: Interaction): Promise<void> {
  try {
    if (interaction.isChatInputCommand() && interaction.commandName === 'attach') {
      await interaction.reply({ content: 'see file', files: [{ attachment: Buffer.from('hello'), name: 'note.txt' }] });
      await interaction.followUp({ content: 'only you', flags: MessageFlags.Ephemeral });
    } else if (interaction.isChatInputCommand()) {
      await interaction.deferReply();
      const question = interaction.options.getString('question') ?? '';
      await interaction.editReply({ content: `answer: ${question}`, allowedMentions: { parse: [] } });
    } else if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed}… suggestion`, value: 'suggestion' }]);
    } else if (interaction.isButton()) {
      await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
    }
  } catch (error) {
    handlerErrors.set(interaction.id, error);
  }
}

function ask(question: string): InteractionHandle {
  return emu.sendChatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: question }] });
}

const statuses = (handle: InteractionHandle): number[] => handle.responses.map((r) => r.status);

beforeAll(async () => {
  baselineTcpHandles = tcpHandles();
  emu = await startDiscordEmulator();
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: emu.apiBase, timeout: REST_TIMEOUT_MS },
  });
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  const ready = once(client, Events.ClientReady);
  await client.login('emulated-token');
  await ready;
});

afterAll(async () => {
  if (!destroyed) await client?.destroy();
  await emu?.stop();
});

describe('discord.js Client against the Discord emulator', () => {
  it('logs in: GET /gateway/bot, IDENTIFY, READY and GUILD_CREATE lead to ClientReady', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(emu.botUserId);
    expect(client.application?.id).toBe(emu.applicationId);
    expect(client.guilds.cache.get(emu.guildId)?.name).toBe('Emulated Guild');
    expect(emu.requests[0]).toMatchObject({ method: 'GET', route: '/gateway/bot', status: 200 });
    expect(emu.gatewayConnections[0]).toBe('/?v=10&encoding=json');
    const identify = emu.gatewayEvents.find((e) => e.op === 2);
    expect(identify?.d).toMatchObject({ token: 'emulated-token', intents: GatewayIntentBits.Guilds, shard: [0, 1] });
  });

  it('records deferReply as callback type 5 and editReply as a PATCH of @original with allowed_mentions', async () => {
    const handle = ask('who attended?');
    const final = await handle.waitForFinal();

    const [callback] = handle.responses;
    expect(callback).toMatchObject({ method: 'POST', status: 204, body: { type: 5, data: { flags: 0 } } });
    expect(callback?.route).toBe(`/interactions/${handle.id}/${handle.token}/callback`);
    expect(final).toMatchObject({
      method: 'PATCH',
      route: `/webhooks/${emu.applicationId}/${handle.token}/messages/@original`,
      status: 200,
      body: { content: 'answer: who attended?', allowed_mentions: { parse: [] } },
    });
    expect(handle.original).toMatchObject({ content: 'answer: who attended?', flags: 0, author: { bot: true } });
    expect((callback?.time ?? Infinity) - handle.dispatchedAt).toBeLessThan(500);
    expect(handlerErrors.has(handle.id)).toBe(false);
  });

  it('records a button update() as callback type 7 and edits the clicked message', async () => {
    const handle = emu.sendButton({ customId: 'page:2' });
    const final = await handle.waitForFinal();

    expect(final).toMatchObject({ status: 204, body: { type: 7, data: { content: 'clicked page:2', components: [] } } });
    expect(handle.original).toMatchObject({ id: (handle.payload.message as { id: string }).id, content: 'clicked page:2' });
  });

  it('records an autocomplete respond() as callback type 8 with the choices', async () => {
    const handle = emu.sendAutocomplete({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'who', focused: true }],
    });
    const final = await handle.waitForFinal();

    expect(final.body).toEqual({ type: 8, data: { choices: [{ name: 'who… suggestion', value: 'suggestion' }] } });
  });

  it('accepts multipart bodies (reply with a file) and follow-ups, in a DM', async () => {
    const handle = emu.sendChatInput({ name: 'attach', guildId: null });
    const followUp = await handle.waitFor((r) => r.method === 'POST' && r.route.startsWith('/webhooks/'));

    expect(handle.payload).toMatchObject({ user: { id: emu.testerUserId }, context: 1 });
    expect(handle.payload).not.toHaveProperty('member');
    const [callback] = handle.responses;
    expect(callback).toMatchObject({
      status: 204,
      body: { type: 4, data: { content: 'see file', attachments: [{ id: '0' }] } },
      files: [{ field: 'files[0]', filename: 'note.txt', size: 5 }],
    });
    expect(handle.original?.attachments).toMatchObject([{ filename: 'note.txt', size: 5 }]);
    expect(followUp).toMatchObject({ status: 200, body: { content: 'only you', flags: MessageFlags.Ephemeral } });
    expect(handle.followUps).toMatchObject([{ content: 'only you', flags: MessageFlags.Ephemeral }]);
  });

  it('a 500 on the callback is retried by @discordjs/rest and the interaction is still answered', async () => {
    emu.failNext({ method: 'POST', pathIncludes: '/callback' }, 500);
    const handle = ask('retry?');
    await handle.waitForFinal();

    expect(statuses(handle)).toEqual([500, 204, 200]);
    expect(handle.responses[1]?.body).toEqual(handle.responses[0]?.body);
    expect(handlerErrors.has(handle.id)).toBe(false);
  });

  it('a 500 after Discord applied the callback makes the retry fail with 40060 (already acknowledged)', async () => {
    emu.failNext({ method: 'POST', pathIncludes: '/callback', afterProcessing: true }, 500);
    const handle = ask('lost answer');
    await vi.waitFor(() => expect(handlerErrors.get(handle.id)).toBeDefined(), { timeout: 1_000 });

    expect(statuses(handle)).toEqual([500, 400]);
    const error = handlerErrors.get(handle.id);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 40060, status: 400 });
  });

  it('a 429 with Retry-After is waited out and retried', async () => {
    emu.failNext({ method: 'POST', pathIncludes: '/callback', retryAfterSeconds: 0.1 }, 429);
    const handle = ask('slow down');
    await handle.waitForFinal();

    expect(statuses(handle)).toEqual([429, 204, 200]);
    const [limited, retried] = handle.responses;
    expect((retried?.time ?? 0) - (limited?.time ?? 0)).toBeGreaterThanOrEqual(90);
  });

  it('a hanging PATCH is aborted after rest.timeout and retried', async () => {
    emu.hangNext({ method: 'PATCH', pathIncludes: 'messages/@original' });
    const handle = ask('hang on');
    const final = await handle.waitForFinal(REST_TIMEOUT_MS * 4);

    expect(statuses(handle)).toEqual([204, 0, 200]);
    expect(final.time - (handle.responses[1]?.time ?? 0)).toBeGreaterThanOrEqual(REST_TIMEOUT_MS - 50);
  });

  it('close 4000 → RESUME (op 6) → RESUMED, replaying the interaction sent while disconnected', async () => {
    const resumed = once(client, Events.ShardResume) as Promise<[number, number]>;
    const identifies = emu.gatewayEvents.filter((e) => e.op === 2).length;
    emu.closeGateway(4000);
    const missed = ask('during the outage');
    const [, replayed] = await resumed;

    const resume = emu.gatewayEvents.find((e) => e.op === 6);
    expect(resume?.d).toMatchObject({ token: 'emulated-token', seq: expect.any(Number), session_id: expect.any(String) });
    expect(emu.gatewayEvents.filter((e) => e.op === 2)).toHaveLength(identifies);
    // discord.js counts every dispatch received while resuming, the RESUMED dispatch included.
    expect(replayed).toBe(2);
    await missed.waitForFinal();

    const after = ask('after the resume');
    expect((await after.waitForFinal()).body).toMatchObject({ content: 'answer: after the resume' });
  });

  it('PUT application commands are echoed with ids and used as command ids of later interactions', async () => {
    const ask = { name: 'ask', description: 'Ask about the article', options: [{ name: 'question', description: 'Your question', type: 3, required: true }] };
    const global = await client.application?.commands.set([ask]);
    await client.application?.commands.set([ask], emu.guildId);

    expect(global?.first()?.name).toBe('ask');
    expect(emu.commands.global).toHaveLength(1);
    const guildCommand = emu.commands.guild[emu.guildId]?.[0] as { id: string; guild_id: string };
    expect(guildCommand.guild_id).toBe(emu.guildId);
    const handle = emu.sendChatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: 'id?' }] });
    expect((handle.payload.data as { id: string }).id).toBe(guildCommand.id);
    await handle.waitForFinal();

    await expect(client.application?.commands.set([{ name: 'Bad Name', description: 'x' }])).rejects.toMatchObject({
      status: 400,
      code: 50035,
    });
  });

  it('answers unknown routes with 404 JSON and records them', async () => {
    await expect(client.rest.get('/nowhere/123')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(emu.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v10/nowhere/123', status: 404 });
  });

  it('shuts down from a steady ready state without leaving sockets open', async () => {
    expect(client.isReady()).toBe(true);
    await client.destroy();
    destroyed = true;
    await emu.stop();
    await vi.waitFor(() => expect(tcpHandles()).toBeLessThanOrEqual(baselineTcpHandles), { timeout: 1_000 });
  });
});
