import type { ErrorCode } from '../../../lambdas/verifier/errors.js';
import type { VerifierMetrics } from '../../../lambdas/verifier/metrics.js';

/** A {@link VerifierMetrics} that remembers what was counted, for assertions. */
export class RecordingMetrics implements VerifierMetrics {
  public readonly counts: string[] = [];
  public flushes = 0;

  public accepted(): void {
    this.counts.push('Accepted');
  }

  public rejected(reason: ErrorCode): void {
    this.counts.push(`Rejected:${reason}`);
  }

  public secretIndex(index: number): void {
    this.counts.push(`SecretIndex${index}`);
  }

  public flush(): void {
    this.flushes++;
  }
}
