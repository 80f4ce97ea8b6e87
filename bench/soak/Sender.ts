import { Agent } from 'node:http';
import { REQUEST_TIMEOUT_MS, RETRY_DELAY_MS, RETRY_FOR_MS } from './constants.js';
import { httpPost } from './httpPost.js';
import type { SendJob } from './types.js';

/** What the sender has seen so far. */
export interface SenderStats {
  /** Jobs finished (answered 2xx, or given up). */
  jobsDone: number;
  httpRequests: number;
  answered2xx: number;
  answered503: number;
  answeredOther: number;
  connectionErrors: number;
  /** Jobs given up after {@link RETRY_FOR_MS} without a 2xx. */
  givenUp: number;
}

/**
 * The vendor side: sends each job over keep-alive connections, and like a vendor retries a delivery
 * answered 503 (or not answered: connection refused or reset during the SIGKILL window) after
 * {@link RETRY_DELAY_MS}, for at most {@link RETRY_FOR_MS}. Its log of 2xx answers is what the
 * stack promised to deliver.
 */
export class Sender {
  public readonly stats: SenderStats = { jobsDone: 0, httpRequests: 0, answered2xx: 0, answered503: 0, answeredOther: 0, connectionErrors: 0, givenUp: 0 };
  /** Delivery ids answered 2xx at least once. */
  public readonly accepted = new Set<string>();
  /** 2xx answers per delivery id (a repeated delivery may be published again: the bus may carry repeats). */
  public readonly answers2xx = new Map<string, number>();
  /** Non-2xx, non-503 answers (first few), for the report. */
  public readonly oddAnswers: string[] = [];
  private readonly agent: Agent;

  /** @param webhookUrl the current webhook URL (it changes when the runtime restarts on new ports); undefined while it is down */
  public constructor(private readonly webhookUrl: () => URL | undefined, connections: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Sends every job with `connections` workers; resolves when each job is answered 2xx or given up. */
  public async run(jobs: readonly SendJob[], connections: number): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        await this.deliver(job);
        this.stats.jobsDone += 1;
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
  }

  public close(): void {
    this.agent.destroy();
  }

  private async deliver(job: SendJob): Promise<void> {
    const deadline = Date.now() + RETRY_FOR_MS;
    while (Date.now() < deadline) {
      const url = this.webhookUrl();
      if (url) {
        this.stats.httpRequests += 1;
        try {
          const answer = await httpPost(url, job.delivery.headers, job.delivery.body, this.agent, REQUEST_TIMEOUT_MS);
          if (answer.status >= 200 && answer.status < 300) {
            this.stats.answered2xx += 1;
            this.accepted.add(job.delivery.id);
            this.answers2xx.set(job.delivery.id, (this.answers2xx.get(job.delivery.id) ?? 0) + 1);
            return;
          }
          if (answer.status === 503) this.stats.answered503 += 1;
          else {
            this.stats.answeredOther += 1;
            if (this.oddAnswers.length < 10) this.oddAnswers.push(`${job.delivery.id}: ${answer.status} ${answer.body.slice(0, 200)}`);
            // A vendor retries any non-2xx too (GitHub does not, Stripe does): retrying is the
            // conservative choice here — a 4xx for a valid signed delivery is itself a failure the report shows.
          }
        } catch {
          this.stats.connectionErrors += 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
    this.stats.givenUp += 1;
  }
}
