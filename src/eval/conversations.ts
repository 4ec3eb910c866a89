import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { QaEngine } from '../answer/engine.js';

const turnSchema = z.object({
  q: z.string().min(1),
  /** Sentence ids that answer the turn as meant in the conversation; empty when the article cannot. */
  gold: z.array(z.string()),
  /** True when the turn does not stand on its own (a person reading it would need the turn before). */
  followUp: z.boolean(),
});
const conversationSchema = z.object({ id: z.string().min(1), language: z.enum(['ko', 'en']), turns: z.array(turnSchema).min(2).max(3) });
const conversationSet = z.array(conversationSchema);

/** A short conversation of two or three questions. */
export type Conversation = z.infer<typeof conversationSchema>;

/** Reads a conversation set file (`test/eval/conversations.json`). */
export async function loadConversations(file: string): Promise<Conversation[]> {
  return conversationSet.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** What is wrong with a conversation set: unknown gold ids, repeated ids, a first turn marked as a follow-up, repeated conversation ids. */
export function findConversationProblems(conversations: readonly Conversation[], sentenceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of conversations) {
    if (seen.has(c.id)) problems.push(`${c.id}: conversation id used twice`);
    seen.add(c.id);
    c.turns.forEach((t, i) => {
      if (i === 0 && t.followUp) problems.push(`${c.id} turn 1: a first question cannot be a follow-up`);
      for (const id of t.gold) if (!sentenceIds.has(id)) problems.push(`${c.id} turn ${i + 1}: gold id ${id} is not a sentence of the article`);
      if (new Set(t.gold).size !== t.gold.length) problems.push(`${c.id} turn ${i + 1}: a gold id is listed twice`);
    });
  }
  return problems;
}

/** How follow-ups fare in one language. */
export interface ConversationReport {
  conversations: number;
  /** Answerable follow-up turns. */
  followUpTurns: number;
  /** Share of follow-up turns with a gold sentence among the first three the reply shows (its citations, or related sentences, then the ranking). */
  recallAt3: number;
  /** Share of follow-up turns with a gold sentence in the top 3 of the retrieval ranking of the question as read. */
  rankingRecallAt3: number;
  /** The same ranking figure with each follow-up read alone, as before conversations were kept. */
  aloneRankingRecallAt3: number;
  /** Share of follow-up turns (answerable or not) that the engine read together with the previous question. */
  readTogether: number;
  /** Self-contained turns that had a previous question. */
  selfContainedTurns: number;
  /** Of those, turns whose top-10 ranking and answered/declined outcome are the same with and without the previous question. */
  unchanged: number;
  /** Turns that missed or changed, for inspection. */
  misses: { id: string; q: string; readAs?: string; gold: string[]; shown: string[]; problem: 'follow-up missed' | 'self-contained changed' }[];
}

const TOP = 3;

/**
 * Plays each conversation through the engine as the bot does: a turn is asked with the previous
 * answered turn as it was read, and measured against its gold sentences.
 */
export async function evaluateConversations(engine: QaEngine, conversations: readonly Conversation[]): Promise<ConversationReport> {
  let followUpTurns = 0, found = 0, ranked = 0, rankedAlone = 0, followUps = 0, together = 0, selfContained = 0, unchanged = 0;
  const misses: ConversationReport['misses'] = [];
  for (const conversation of conversations) {
    let previous: string | undefined;
    for (const turn of conversation.turns) {
      const reading = await engine.inspect(turn.q, 10, { previous });
      const result = await engine.ask(turn.q, { previous });
      const rankingIds = reading.ranked.map((r) => r.passage.sentence.id);
      const replyIds = (result.answered ? result.citations : result.related).map((c) => c.id);
      const shown = [...new Set([...replyIds, ...rankingIds])].slice(0, TOP);
      const gold = new Set(turn.gold);
      if (turn.followUp) {
        followUps++;
        if (reading.readAs !== undefined) together++;
        if (gold.size > 0) {
          followUpTurns++;
          if (shown.some((id) => gold.has(id))) found++;
          else misses.push({ id: conversation.id, q: turn.q, readAs: reading.readAs, gold: turn.gold, shown, problem: 'follow-up missed' });
          if (rankingIds.slice(0, TOP).some((id) => gold.has(id))) ranked++;
          const alone = await engine.rank(turn.q, TOP);
          if (alone.some((r) => gold.has(r.passage.sentence.id))) rankedAlone++;
        }
      } else if (previous !== undefined) {
        selfContained++;
        const alone = await engine.inspect(turn.q, 10);
        const aloneResult = await engine.ask(turn.q);
        const same = alone.ranked.map((r) => r.passage.sentence.id).join() === rankingIds.join() && aloneResult.answered === result.answered && reading.readAs === undefined;
        if (same) unchanged++;
        else misses.push({ id: conversation.id, q: turn.q, readAs: reading.readAs, gold: turn.gold, shown, problem: 'self-contained changed' });
      }
      if (result.answered) previous = result.readAs ?? result.question;
    }
  }
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    conversations: conversations.length,
    followUpTurns,
    recallAt3: share(found, followUpTurns),
    rankingRecallAt3: share(ranked, followUpTurns),
    aloneRankingRecallAt3: share(rankedAlone, followUpTurns),
    readTogether: share(together, followUps),
    selfContainedTurns: selfContained,
    unchanged,
    misses,
  };
}

/** How self-contained questions fare when asked right after another question. */
export interface StandaloneReport {
  /** Questions asked after the one before them in the set. */
  questions: number;
  /** Share of them read together with the previous question. */
  readTogether: number;
  /** Recall@3 of the answerable ones, asked alone. */
  recallAlone: number;
  /** Recall@3 of the answerable ones, asked after the previous question. */
  recallAfterPrevious: number;
  /** Unanswerable questions declined alone but answered after the previous question. */
  unanswerableAnswered: number;
}

/**
 * Asks every question of a set of self-contained questions after the question before it (as if
 * one person asked them in a row) and compares with asking it alone.
 */
export async function evaluateStandalone(engine: QaEngine, questions: readonly { q: string; gold: string[] }[]): Promise<StandaloneReport> {
  let together = 0, answerable = 0, hitsAlone = 0, hitsAfter = 0, flipped = 0;
  for (let i = 1; i < questions.length; i++) {
    const { q, gold } = questions[i]!;
    const previous = questions[i - 1]!.q;
    const after = await engine.inspect(q, TOP, { previous });
    if (after.readAs !== undefined) together++;
    if (gold.length > 0) {
      answerable++;
      const hit = (ids: string[]) => ids.some((id) => gold.includes(id));
      if (hit((await engine.rank(q, TOP)).map((r) => r.passage.sentence.id))) hitsAlone++;
      if (hit(after.ranked.map((r) => r.passage.sentence.id))) hitsAfter++;
    } else if (!(await engine.ask(q)).answered && (await engine.ask(q, { previous })).answered) {
      flipped++;
    }
  }
  const asked = Math.max(0, questions.length - 1);
  return { questions: asked, readTogether: asked === 0 ? 0 : together / asked, recallAlone: answerable === 0 ? 1 : hitsAlone / answerable, recallAfterPrevious: answerable === 0 ? 1 : hitsAfter / answerable, unanswerableAnswered: flipped };
}
