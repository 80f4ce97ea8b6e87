import { fileURLToPath } from 'node:url';
import { SOAK_TIMEOUT_SECONDS } from './app/constants.js';

/** The repository root (this file is bench/soak/constants.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Webhooks of the full run and of `--quick`. */
export const FULL_WEBHOOKS = 100_000;
export const QUICK_WEBHOOKS = 5_000;

/** Shares of the sends (issue 4, section 2). */
export const REPEAT_SHARE = 0.1;
export const FLAKY_SHARE = 0.05;
export const POISON_SHARE = 0.01;

/** Keep-alive connections of the sender. */
export const SENDER_CONNECTIONS = 8;
/** One request's bound, and how long a vendor keeps retrying one delivery (503 or no connection). */
export const REQUEST_TIMEOUT_MS = 15_000;
export const RETRY_FOR_MS = 120_000;
export const RETRY_DELAY_MS = 250;

/** Seconds PutEvents fails (fault endpoint), quick and full. */
export const OUTAGE_SECONDS_QUICK = 3;
export const OUTAGE_SECONDS_FULL = 10;

/** A progress line every this many ms. */
export const PROGRESS_EVERY_MS = 3_000;

/** The fault steps wait for the sender's progress; no answer at all for this long means it is stuck. */
export const SENDER_STALL_MS = 180_000;

/** Bound of the drain waits (after the sends, the redrive, the replay): this long without a new low in the queued count. */
export const DRAIN_TIMEOUT_MS = 600_000;

/** Bound of the archive replay reaching COMPLETED: at least this, or this much per webhook sent. */
export const REPLAY_TIMEOUT_MS = 300_000;
export const REPLAY_MS_PER_WEBHOOK = 20;

/**
 * How long before the SIGKILL a downstream call may have been answered without the consumer having
 * recorded the event as done (the at-least-once window every SQS consumer has, on AWS too): an
 * invocation still in flight at the kill started at most one function timeout before it. (A fixed
 * 3 s window counted such repeats as doubled when a loaded machine stretched a batch past 3 s.)
 */
export const COMMIT_WINDOW_MS = SOAK_TIMEOUT_SECONDS * 1000;

/** The summary line the test looks for. */
export const SUMMARY_PREFIX = 'SOAK_SUMMARY ';
