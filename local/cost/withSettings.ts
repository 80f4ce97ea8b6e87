import type { ConsumerProfile, CostInput } from './types.js';

/**
 * `input` with `change` applied on top. When `input` carries per-queue `consumerProfiles` (read
 * from a stack), a uniform consumer setting in `change` (batch size, batching window, memory,
 * architecture, idempotency, tracing, and a log level) rewrites every profile, `audit: false`
 * drops the audit log's, and `consumers` replaces the profiles with that many alike consumers
 * built from the uniform settings. This is how flags override what the stack says, and how the
 * setting variants are applied.
 */
export function withSettings(input: CostInput, change: Partial<CostInput>): CostInput {
  const merged: CostInput = { ...input, ...definedOnly(change) };
  const profiles = input.consumerProfiles;
  if (profiles === undefined || change.consumerProfiles !== undefined) return merged;
  if (change.consumers !== undefined) {
    const { consumerProfiles: _dropped, ...uniform } = merged;
    return uniform;
  }
  const rewrite = (profile: ConsumerProfile): ConsumerProfile => ({
    ...profile,
    ...(change.batchSize !== undefined ? { batchSize: change.batchSize } : {}),
    ...(change.batchingWindowSeconds !== undefined ? { batchingWindowSeconds: change.batchingWindowSeconds } : {}),
    ...(change.consumerMemoryMb !== undefined ? { memoryMb: change.consumerMemoryMb } : {}),
    ...(change.consumerArchitecture !== undefined ? { architecture: change.consumerArchitecture } : {}),
    ...(change.logLevel !== undefined ? { logLevel: change.logLevel } : {}),
    ...(change.tracing !== undefined ? { tracing: change.tracing } : {}),
    ...(change.idempotency !== undefined ? { idempotent: change.idempotency === 'dynamodb' && !profile.audit } : {}),
  });
  const kept = change.audit === false ? profiles.filter((profile) => !profile.audit) : profiles;
  return { ...merged, consumerProfiles: kept.map(rewrite) };
}

/** `value` without its undefined fields, so spreading it never unsets a setting. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
