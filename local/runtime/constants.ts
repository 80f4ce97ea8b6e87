/** Constants of the local runtime. */

/** The line prefix a supervisor (CLI, tests) waits for; JSON with the actual ports and files follows. */
export const READY_LINE_PREFIX = 'HOOKBRIDGE_READY';

/** Path of the inspection API on the webhook port. */
export const STATE_PATH = '/_local/state';

/** Path of the fault-injection API on the webhook port. */
export const FAULTS_PATH = '/_local/faults';

/** Dummy secret access key every function signs with; only the access key id identifies it. */
export const LOCAL_SECRET_ACCESS_KEY = 'local-secret-access-key';

/** Prefix of generated webhook signing secrets (the Standard Webhooks / Stripe form). */
export const GENERATED_SECRET_PREFIX = 'whsec_';

/** How long `close()` waits for pollers and functions to finish in-flight work, ms. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** Journal size above which the runtime takes a checkpoint (compaction), bytes. */
export const CHECKPOINT_THRESHOLD_BYTES = 64 * 1024 * 1024;

/** Source code directories whose changes make a synthesized `cdk.out` stale. */
export const SOURCE_DIRECTORIES: readonly string[] = ['bin', 'lib', 'lambdas'];

/** Names of the journaled services in the state directory. */
export const JOURNALED_SERVICES = { sqs: 'sqs', secrets: 'secretsmanager', s3: 's3', events: 'events' } as const;
