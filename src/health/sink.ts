/**
 * What the bot reports to its metrics, without prom-client: the bot loads prom-client (≈150 ms
 * of start-up) only when the health server is on, and uses {@link noMetrics} otherwise.
 *
 * @module
 */

/** How an answer ended: supported by the article, declined, or refused as no question at all. */
export type AnswerOutcome = 'answered' | 'declined' | 'refused';

/** The events the bot counts. */
export interface MetricsSink {
  /** A question went to the engine. */
  questionAsked(command: string, language: string): void;
  /** An answer was delivered, `seconds` after the question arrived. */
  answerSent(outcome: AnswerOutcome, seconds: number): void;
  /** A vote was recorded (not counted when it repeats the user's last vote on the answer). */
  feedbackVote(vote: 'up' | 'down'): void;
  /** The gateway connection dropped and is being re-established, or a session was resumed. */
  gatewayReconnect(event: 'reconnecting' | 'resumed'): void;
  /** Discord answered a REST request with 429. */
  restRateLimited(route: string): void;
  /** discord.js delayed a request to respect a rate limit. */
  restRateLimitWait(route: string, global: boolean): void;
}

/** Counts nothing: the bot without a health server. */
export const noMetrics: MetricsSink = {
  questionAsked() {},
  answerSent() {},
  feedbackVote() {},
  gatewayReconnect() {},
  restRateLimited() {},
  restRateLimitWait() {},
};
