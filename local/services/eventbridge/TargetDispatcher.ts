import { DEFAULT_MAX_RETRIES, DEFAULT_RETRY_DELAY_MS } from './constants.js';
import type { DeliverFn, DeliveryMetrics, TargetRecord } from './types.js';

/** Options of {@link TargetDispatcher}. */
export interface TargetDispatcherOptions {
  /**
   * Upper bound on retries of one delivery; a target's `RetryPolicy.MaximumRetryAttempts` below it wins.
   * @default 2
   */
  readonly maxRetries?: number;
  /**
   * Pause between retries, in milliseconds.
   * @default 10
   */
  readonly retryDelayMs?: number;
}

/** How one delivery ended. */
export type DeliveryOutcome = 'delivered' | 'dead-lettered' | 'failed';

/**
 * Delivers rendered messages to targets through the injected callback: a failure is retried a
 * bounded number of times, then sent to the target's `DeadLetterConfig.Arn` (same callback) if it
 * has one, else counted as a failed invocation.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
export class TargetDispatcher {
  /** Counters since start (not part of snapshots). */
  public readonly metrics: DeliveryMetrics = {
    invocations: 0,
    failedInvocations: 0,
    retries: 0,
    deadLettered: 0,
    unroutedEntries: 0,
  };

  private readonly maxRetries: number;
  private readonly retryDelayMs: number;

  public constructor(
    private readonly deliver: DeliverFn,
    options: TargetDispatcherOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  }

  /** Delivers one message; never rejects. */
  public async dispatch(target: TargetRecord, body: string, ruleArn: string): Promise<DeliveryOutcome> {
    const retries = Math.max(0, Math.min(target.RetryPolicy?.MaximumRetryAttempts ?? this.maxRetries, this.maxRetries));
    let lastError: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        this.metrics.retries++;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
      this.metrics.invocations++;
      try {
        await this.deliver(target.Arn, body, { ruleArn, targetArn: target.Arn });
        return 'delivered';
      } catch (error) {
        lastError = error;
      }
    }
    return this.deadLetter(target, body, ruleArn, lastError);
  }

  private async deadLetter(target: TargetRecord, body: string, ruleArn: string, error: unknown): Promise<DeliveryOutcome> {
    const dlqArn = target.DeadLetterConfig?.Arn;
    if (dlqArn !== undefined) {
      const errorMessage = error instanceof Error ? error.message : String(error);
      try {
        await this.deliver(dlqArn, body, {
          ruleArn,
          targetArn: target.Arn,
          deadLetter: { errorCode: 'SDK_CLIENT_ERROR', errorMessage },
        });
        this.metrics.deadLettered++;
        return 'dead-lettered';
      } catch {
        // fall through: the DLQ is unreachable too
      }
    }
    this.metrics.failedInvocations++;
    return 'failed';
  }
}
