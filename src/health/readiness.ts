/**
 * Whether the bot can serve: the article index is loaded and the Discord gateway is connected.
 *
 * @module
 */

/** What `/healthz` reports. */
export interface ReadinessReport {
  ready: boolean;
  index: 'loading' | 'loaded';
  gateway: 'not connected' | 'connected';
  /** Why the bot is not ready; absent when it is. */
  reason?: string;
}

/** Readiness, updated by the start-up steps and asked by the health server. */
export class Readiness {
  private indexLoaded = false;
  private gatewayConnected: () => boolean = () => false;
  private stopping = false;

  /** The article index is loaded. */
  markIndexLoaded(): void {
    this.indexLoaded = true;
  }

  /** Asks `connected` (e.g. the client's gateway status) at every check from now on. */
  watchGateway(connected: () => boolean): void {
    this.gatewayConnected = connected;
  }

  /** The bot is shutting down: never ready again. */
  markStopping(): void {
    this.stopping = true;
  }

  /** The state now. */
  report(): ReadinessReport {
    const index = this.indexLoaded ? 'loaded' : 'loading';
    const gateway = this.gatewayConnected() ? 'connected' : 'not connected';
    const reason = this.stopping
      ? 'shutting down'
      : index !== 'loaded'
        ? 'the article index is still loading'
        : gateway !== 'connected'
          ? 'the Discord gateway is not connected'
          : undefined;
    return reason === undefined ? { ready: true, index, gateway } : { ready: false, index, gateway, reason };
  }
}
