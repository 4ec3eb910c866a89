/**
 * The bot's Prometheus metrics (prom-client), in a registry of their own.
 *
 * @module
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { AnswerOutcome, MetricsSink } from './sink.js';

/** Options of {@link BotMetrics}. */
export interface BotMetricsOptions {
  /** Also collect prom-client's process metrics (CPU, memory, event-loop lag, GC). Default true. */
  processMetrics?: boolean;
}

/** Counters and histograms the bot updates; {@link BotMetrics.render} gives the exposition text. */
export class BotMetrics implements MetricsSink {
  readonly registry = new Registry();

  private readonly questions = new Counter({
    name: 'article_qa_questions_total',
    help: 'Questions put to the engine, by slash command and detected language',
    labelNames: ['command', 'language'] as const,
    registers: [this.registry],
  });

  private readonly answers = new Counter({
    name: 'article_qa_answers_total',
    help: 'Answers sent, by outcome: answered (cited), declined (not in the article), refused (not a question)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'article_qa_answer_duration_seconds',
    help: 'Time from receiving a question to the answer being delivered to Discord',
    labelNames: ['outcome'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [this.registry],
  });

  private readonly votes = new Counter({
    name: 'article_qa_feedback_votes_total',
    help: 'Feedback votes recorded (first votes and changed votes; a repeated click is not counted)',
    labelNames: ['vote'] as const,
    registers: [this.registry],
  });

  private readonly reconnects = new Counter({
    name: 'discord_gateway_reconnects_total',
    help: 'Gateway connection events after the first READY: reconnecting (connection lost) and resumed (session resumed)',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  private readonly rest429 = new Counter({
    name: 'discord_rest_429_total',
    help: 'REST responses with status 429 (rate limited), by route',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  private readonly restWaits = new Counter({
    name: 'discord_rest_rate_limit_waits_total',
    help: 'Requests discord.js held back because a rate-limit bucket was empty (its rateLimited event), by route',
    labelNames: ['route', 'global'] as const,
    registers: [this.registry],
  });

  constructor(options: BotMetricsOptions = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    // Series that exist from the start read 0 rather than missing, so rates and alerts work at once.
    for (const outcome of ['answered', 'declined', 'refused'] as const) {
      this.answers.inc({ outcome }, 0);
    }
    for (const vote of ['up', 'down'] as const) this.votes.inc({ vote }, 0);
    for (const event of ['reconnecting', 'resumed'] as const) this.reconnects.inc({ event }, 0);
  }

  /** A question went to the engine. */
  questionAsked(command: string, language: string): void {
    this.questions.inc({ command, language });
  }

  /** An answer was delivered, `seconds` after the question arrived. */
  answerSent(outcome: AnswerOutcome, seconds: number): void {
    this.answers.inc({ outcome });
    this.latency.observe({ outcome }, seconds);
  }

  /** A vote was recorded (not counted when it repeats the user's last vote on the answer). */
  feedbackVote(vote: 'up' | 'down'): void {
    this.votes.inc({ vote });
  }

  /** The gateway connection dropped and is being re-established, or a session was resumed. */
  gatewayReconnect(event: 'reconnecting' | 'resumed'): void {
    this.reconnects.inc({ event });
  }

  /** Discord answered a REST request with 429. */
  restRateLimited(route: string): void {
    this.rest429.inc({ route });
  }

  /** discord.js delayed a request to respect a rate limit. */
  restRateLimitWait(route: string, global: boolean): void {
    this.restWaits.inc({ route, global: String(global) });
  }

  /** The Prometheus text exposition and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
