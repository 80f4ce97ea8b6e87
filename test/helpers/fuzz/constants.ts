/** The fixed clock of every fuzzed handler: signed timestamps are generated around it. */
export const NOW_MS = 1_795_636_800_000;

/** `NOW_MS` in Unix seconds. */
export const NOW_SECONDS = Math.floor(NOW_MS / 1000);

/** The verifier's default timestamp window (`HOOKBRIDGE_TOLERANCE_SECONDS`), used by every target. */
export const TOLERANCE_SECONDS = 300;

/**
 * Body limit of the fuzzed targets. Small on purpose: the limit check is the same code whatever
 * the number, and bodies around 2 KiB keep thousands of cases fast. One property runs around the
 * default 1 MiB limit separately.
 */
export const FUZZ_BODY_LIMIT = 2048;

/** Payload bytes above which the `claim` targets claim-check to S3, so that path is fuzzed too. */
export const FUZZ_CLAIM_CHECK_THRESHOLD = 256;

/**
 * Smallest body the "no full body in a log line" check looks for. Shorter bodies ("{}", "1")
 * occur in any JSON log line by coincidence; at 12 bytes and above a match means the body was
 * logged. (V8 quotes a whole JSON text of up to 20 characters in `JSON.parse` error messages.)
 */
export const MIN_LEAK_CHECK_BYTES = 12;

/** Default number of cases of the in-process verifier properties together (`FUZZ_RUNS`). */
export const DEFAULT_VERIFIER_RUNS = 2500;

/** Default number of cases sent through the local gateway over HTTP (`FUZZ_GATEWAY_RUNS`). */
export const DEFAULT_GATEWAY_RUNS = 300;
