import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { ErrorCode } from './errors.js';

/** The verifier's metrics (namespace `hookbridge`, dimension `source`; see docs/contract.md). */
export interface VerifierMetrics {
  accepted(): void;
  /** Every non-success answer, by code; publish failures also count as `PublishFailed`. */
  rejected(reason: ErrorCode): void;
  /** Which secret of a rotation array verified, so an old one can be retired once it reads zero. */
  secretIndex(index: number): void;
  /** Emits what was recorded during this invocation. */
  flush(): void;
}

/** {@link VerifierMetrics} on Powertools Metrics (CloudWatch embedded metric format on stdout). */
export class PowertoolsVerifierMetrics implements VerifierMetrics {
  readonly #metrics: Metrics;

  /** `metrics` must already carry the `source` default dimension. */
  public constructor(metrics: Metrics) {
    this.#metrics = metrics;
  }

  public accepted(): void {
    this.#metrics.addMetric('Accepted', MetricUnit.Count, 1);
  }

  public rejected(reason: ErrorCode): void {
    // A per-reason dimension must not leak onto Accepted, so it goes out as its own EMF blob.
    const single = this.#metrics.singleMetric();
    single.addDimension('reason', reason);
    single.addMetric('Rejected', MetricUnit.Count, 1);
    if (reason === 'publish_failed') this.#metrics.addMetric('PublishFailed', MetricUnit.Count, 1);
  }

  public secretIndex(index: number): void {
    this.#metrics.addMetric(`SecretIndex${index}`, MetricUnit.Count, 1);
  }

  public flush(): void {
    this.#metrics.publishStoredMetrics();
  }
}
