import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../lambdas/verifier/errors.js';
import { PowertoolsVerifierMetrics } from '../../../lambdas/verifier/metrics.js';

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('PowertoolsVerifierMetrics', () => {
  it('emits Accepted, SecretIndex and Rejected-by-reason in the hookbridge namespace', () => {
    // GIVEN POWERTOOLS_DEV routes EMF through the global console, which the test captures
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const metrics = new PowertoolsVerifierMetrics(new Metrics({ namespace: 'hookbridge', serviceName: 'verifier', defaultDimensions: { source: 'github' } }));
    // WHEN
    metrics.secretIndex(1);
    metrics.accepted();
    metrics.rejected(ErrorCode.PublishFailed);
    metrics.flush();
    // THEN
    const blobs = lines.map((line) => JSON.parse(line) as Emf);
    const rejected = blobs.find((b) => b._aws.CloudWatchMetrics[0]!.Metrics.some((m) => m.Name === 'Rejected'))!;
    expect(rejected).toMatchObject({ source: 'github', reason: 'publish_failed', Rejected: 1 });
    const stored = blobs.find((b) => 'Accepted' in b)!;
    expect(stored).toMatchObject({ source: 'github', Accepted: 1, SecretIndex1: 1, PublishFailed: 1 });
    expect(stored).not.toHaveProperty('reason');
    expect(stored._aws.CloudWatchMetrics[0]!.Namespace).toBe('hookbridge');
  });
});
