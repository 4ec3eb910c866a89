/**
 * `/participants [country] [kind]`: the companies and officials named in the article, grouped,
 * with representatives and titles, each group citing its sentence.
 *
 * @module
 */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext, Command } from '../src/discord/command.js';
import { strings, uiLocale } from '../src/discord/i18n.js';
import { renderParticipants, type PlacedParticipant } from '../src/discord/render/participants.js';
import { reply, suggest } from '../src/discord/respond.js';
import { rawOption, validateChoice } from '../src/discord/validate.js';

const KINDS = ['company', 'official'] as const;

const data = new SlashCommandBuilder()
  .setName('participants')
  .setNameLocalizations({ ko: '참석자' })
  .setDescription('Who took part: companies and officials named in the article')
  .setDescriptionLocalizations({ ko: '기사에 나온 참석 기업과 정부 관계자' })
  .addStringOption((o) =>
    o
      .setName('country')
      .setNameLocalizations({ ko: '국가' })
      .setDescription('Only one country')
      .setDescriptionLocalizations({ ko: '한 나라만 보기' })
      // The article's countries come from its participants file, so they are suggested, not fixed here.
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o
      .setName('kind')
      .setNameLocalizations({ ko: '구분' })
      .setDescription('Only companies or only officials')
      .setDescriptionLocalizations({ ko: '기업이나 정부 관계자만 보기' })
      .addChoices({ name: 'Companies', name_localizations: { ko: '기업' }, value: 'company' }, { name: 'Officials', name_localizations: { ko: '정부 관계자' }, value: 'official' }),
  );

/** Participants with the document whose sentence they cite. */
function placed(ctx: BotContext): PlacedParticipant[] {
  return ctx.engine.participants.map((p) => {
    const document = ctx.sentences.documents.find((d) => ctx.sentences.get(d.slug, p.citation.id)?.sentence.text === p.citation.text)?.slug;
    return document ? { ...p, document } : { ...p };
  });
}

async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const country = validateChoice(rawOption(interaction.options, 'country'), countries(ctx).map((c) => c.code));
  const kind = validateChoice(rawOption(interaction.options, 'kind'), KINDS);
  for (const checked of [country, kind]) {
    if (!checked.ok) {
      await reply(interaction, { content: strings(locale).problem(checked.problem, checked.detail) }, { ephemeral: true });
      return;
    }
  }
  if (!country.ok || !kind.ok) return;
  const message = renderParticipants(placed(ctx), {
    locale,
    filter: { country: country.value, kind: kind.value },
    documents: ctx.sentences.documents,
    translate: (document, id) => (document ? ctx.sentences.get(document, id)?.translation : undefined),
  });
  await reply(interaction, message);
}

/** The countries of the article's participants, in order of first mention, with their names. */
function countries(ctx: BotContext): { code: string; name: { ko: string; en: string } }[] {
  const seen = new Map<string, { ko: string; en: string }>();
  for (const p of ctx.engine.participants) if (!seen.has(p.country)) seen.set(p.country, p.countryName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const locale = uiLocale(interaction.locale);
  const typed = String(interaction.options.getFocused(true).value ?? '').toLowerCase().slice(0, 50);
  const choices = countries(ctx)
    .filter((c) => typed === '' || c.code.toLowerCase().startsWith(typed) || c.name.ko.includes(typed) || c.name.en.toLowerCase().includes(typed))
    .map((c) => ({ name: `${c.name[locale]} (${c.code})`, value: c.code }));
  await suggest(interaction, choices);
}

/** The `/participants` command. */
export const participants: Command = { data, execute, autocomplete };
