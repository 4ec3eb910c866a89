/**
 * The `/help` reply, in the user's language. Pure.
 *
 * @module
 */
import { strings, type UiLocale } from '../i18n.js';
import type { Message } from '../respond.js';
import { Colors, plain, type DocumentLabel } from './answer.js';

/** Facts `/help` states about what the bot knows. */
export interface HelpFacts {
  documents: ReadonlyArray<DocumentLabel & { sentences: number }>;
  maxQuestionLength: number;
  questionsPerMinute: number;
}

/** What the bot knows (the article, its publisher and size), its commands, and how to read an answer. */
export function renderHelp(locale: UiLocale, facts: HelpFacts): Message {
  const t = strings(locale);
  const intro = facts.documents.map((d) => t.helpIntro(plain(d.title), d.publisher ? plain(d.publisher) : null, d.sentences)).join('\n');
  return {
    embeds: [
      {
        color: Colors.info,
        title: t.helpTitle,
        description: intro,
        fields: [
          { name: t.helpCommands, value: t.helpCommandLines(facts.maxQuestionLength, facts.questionsPerMinute).join('\n') },
          { name: t.helpExamples, value: t.helpExampleLines.map((q) => `• ${q}`).join('\n') },
          { name: t.helpHow, value: t.helpHowText },
        ],
      },
    ],
  };
}
