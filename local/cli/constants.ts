/** Defaults of the `hookbridge` CLI; the README's settings table lists the same values. */

/** Webhook port of `hookbridge local` (`PORT`). */
export const DEFAULT_PORT = 3000;

/** Interface every local server listens on (`HOST`); never 0.0.0.0 unless asked for. */
export const DEFAULT_HOST = '127.0.0.1';

/** Port of the local AWS edge (`EDGE_PORT`), the port LocalStack made customary. */
export const DEFAULT_EDGE_PORT = 4566;

/** Where `hookbridge local` writes, and `send`/`status` read, the stack outputs. */
export const DEFAULT_OUTPUTS_FILE = '.hookbridge/outputs.json';

/** File name of the local endpoints, written beside the outputs file by `hookbridge local`. */
export const LOCAL_ENDPOINTS_FILE_NAME = 'local.json';

/** Default cloud assembly directory, as `cdk synth` writes it. */
export const DEFAULT_CDK_OUT = 'cdk.out';

/** Region of the local runtime unless `AWS_REGION` says otherwise (see docs/local-runtime.md). */
export const LOCAL_REGION = 'us-east-1';

/**
 * Credentials the CLI signs local requests with. The edge treats an access key it does not know
 * as an administrator (docs/local-runtime.md), so these only need to be well-formed.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'HOOKBRIDGECLI', secretAccessKey: 'local' } as const;

/** How long `hookbridge local` waits for the runtime to close after SIGINT/SIGTERM. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Timeout of one HTTP request the CLI makes (`send`, the inspection API). */
export const HTTP_TIMEOUT_MS = 30_000;

/** Environment variable that makes unexpected errors print their stack. */
export const DEBUG_ENV = 'HOOKBRIDGE_DEBUG';

