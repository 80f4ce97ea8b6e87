import type { SignedWebhook } from './signWebhook.js';

/** One answer the sender got. */
export interface SentDelivery {
  readonly webhook: SignedWebhook;
  readonly status: number;
  readonly body: string;
}

/**
 * The vendor side of the test: POSTs signed webhooks over real HTTP and keeps a log of every
 * answer. What was answered 2xx is what the stack promised to deliver; the tests count loss and
 * duplicates against this log.
 */
export class Sender {
  public readonly log: SentDelivery[] = [];

  /** POSTs one webhook (bounded by `timeoutMs`) and logs the answer. */
  public async send(webhook: SignedWebhook, timeoutMs = 30_000): Promise<SentDelivery> {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: webhook.headers,
      body: webhook.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const delivery = { webhook, status: response.status, body: await response.text() };
    this.log.push(delivery);
    return delivery;
  }

  /** The distinct envelope ids answered 2xx. */
  public acceptedIds(): Set<string> {
    return new Set(this.log.filter((d) => d.status >= 200 && d.status < 300).map((d) => d.webhook.id));
  }
}
