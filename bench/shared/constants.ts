import { fileURLToPath } from 'node:url';

/** The repository root (this file is bench/shared/constants.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Default bound of the wait for the ready line (a cold start synthesizes nothing: it gets an assembly). */
export const RUNTIME_READY_TIMEOUT_MS = 120_000;

/** Default bound of a SIGTERM stop before SIGKILL. */
export const RUNTIME_STOP_TIMEOUT_MS = 20_000;

/** Lines of the runtime's output kept for error messages. */
export const RUNTIME_TAIL_LINES = 60;

/** Environment variables of the `hookbridge local` CLI that would override the flags the helpers pass. */
export const RUNTIME_ENV_OVERRIDES = ['PORT', 'EDGE_PORT', 'HOST', 'STATE_DIR', 'WEBHOOK_SECRETS_FILE', 'NOW_OVERRIDE', 'BODY_LIMIT', 'CPU_PROF_DIR'] as const;

/** Default bound of one `cdk synth`. */
export const SYNTH_TIMEOUT_MS = 240_000;

/** Characters of `cdk synth` output kept for error messages. */
export const SYNTH_OUTPUT_TAIL_CHARS = 3_000;
