/** Targets of issue 4 §1 "Local end-to-end" (2 cores). */
export const TARGET_ACCEPTED_PER_SECOND = 1_000;
export const TARGET_SUSTAINED_PER_SECOND = 300;
export const TARGET_P99_MS = 50;
/** The fixed offered rate of the latency measurement. */
export const LATENCY_RATE = 200;

/** Keep-alive connections of the closed-loop load generator. */
export const CONNECTIONS = 32;
/** Concurrent callers of the SDK floor (PutEvents + PutItem pairs through the edge). */
export const SDK_FLOOR_CONCURRENCY = 16;
/** Seconds of warm-up at {@link CONNECTIONS} before the burst, quick and full (JIT-warm environments). */
export const QUICK_WARMUP_SECONDS = 3;
export const FULL_WARMUP_SECONDS = 10;
/** Concurrent SDK callers of the dynalite floor. */
export const DYNALITE_CONCURRENCY = 16;

/** Seconds per measurement, quick and full. */
export const QUICK_SECONDS = 3;
export const FULL_SECONDS = 15;

/** Bound of waiting for the consumers to catch up after a measurement. */
export const DRAIN_TIMEOUT_MS = 300_000;
