import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  DEFAULT_EXECUTION_ENV,
  DEFAULT_MEMORY_SIZE_MB,
  LAMBDA_RUNTIME_DIR,
  LOCAL_DEFAULT_REGION,
} from './constants.js';
import type { FunctionCredentials, LambdaFunctionConfig } from './types.js';

/** Per-environment values that differ between workers of one function. */
export interface EnvironmentInstance {
  readonly logStreamName: string;
}

/**
 * The complete `process.env` of one execution environment: the function's own variables plus the
 * ones the Lambda runtime defines — and nothing of the host's, so one function cannot read another's
 * variables or the operator's credentials.
 *
 * Reserved variables win over the template's, as Lambda rejects a function configuration that sets
 * them. `AWS_ENDPOINT_URL` is not reserved: a template may override it per function.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
export function buildEnvironment(config: LambdaFunctionConfig, instance: EnvironmentInstance): Record<string, string> {
  const region = config.region ?? process.env.AWS_REGION ?? LOCAL_DEFAULT_REGION;
  const credentials: FunctionCredentials = config.credentials ?? defaultCredentials(config.functionName);
  const unreserved: Record<string, string> = {
    LANG: 'en_US.UTF-8',
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    NODE_PATH: [config.assetDir, ...runtimeNodeModules()].join(path.delimiter),
    // The functions run on Lambda's Node.js 24; the SDK's notice about the local Node.js version
    // would be printed once per worker and says nothing about the deployed code.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  if (config.endpointUrl !== undefined) unreserved.AWS_ENDPOINT_URL = config.endpointUrl;
  const reserved: Record<string, string> = {
    _HANDLER: config.handler,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: config.executionEnv ?? DEFAULT_EXECUTION_ENV,
    AWS_LAMBDA_FUNCTION_NAME: config.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memorySizeMb ?? DEFAULT_MEMORY_SIZE_MB),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(config.functionName),
    AWS_LAMBDA_LOG_STREAM_NAME: instance.logStreamName,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    LAMBDA_TASK_ROOT: config.assetDir,
    LAMBDA_RUNTIME_DIR,
    // Lambda sets TZ=:UTC. A worker cannot change the process time zone, so this is informative:
    // run the runtime itself with TZ=UTC for local dates to match.
    TZ: ':UTC',
  };
  if (credentials.sessionToken !== undefined) reserved.AWS_SESSION_TOKEN = credentials.sessionToken;
  return { ...unreserved, ...(config.environment ?? {}), ...reserved };
}

/** `/aws/lambda/<function name>`, the log group Lambda writes to. */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** Dummy credentials with an access key id unique to the function, when the runtime passes none. */
function defaultCredentials(functionName: string): FunctionCredentials {
  const hash = createHash('sha256').update(functionName).digest('hex').slice(0, 15).toUpperCase();
  return { accessKeyId: `LOCAL${hash}`, secretAccessKey: 'local-secret-access-key' };
}

let cachedRuntimeNodeModules: string[] | undefined;

/**
 * The node_modules directory holding the AWS SDK v3 this runtime ships with. The Lambda Node.js
 * runtime provides the SDK (NodejsFunction leaves `@aws-sdk/*` out of bundles) from
 * `/var/runtime/node_modules` on `NODE_PATH`; locally the runtime's own copy plays that role, so a
 * bundle resolves it even when `cdk.out` lies outside this package.
 */
function runtimeNodeModules(): string[] {
  if (cachedRuntimeNodeModules === undefined) {
    try {
      const manifest = createRequire(import.meta.url).resolve('@aws-sdk/client-sqs/package.json');
      cachedRuntimeNodeModules = [path.resolve(path.dirname(manifest), '..', '..')];
    } catch {
      cachedRuntimeNodeModules = [];
    }
  }
  return cachedRuntimeNodeModules;
}
