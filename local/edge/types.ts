import type { IncomingHttpHeaders } from 'node:http';
import type { PolicyDocument } from '../iam/index.js';

/** The services the edge routes to. */
export type EdgeService = 'sqs' | 'events' | 'secretsmanager' | 'dynamodb' | 's3';

/** The parts of an HTTP request a service handler reads (an `IncomingMessage` fits). */
export interface EdgeRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
}

/** A service's answer. For HEAD, the handler may set `content-length` and leave `body` empty. */
export interface ServiceResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** A service's wire handler: one whole request in, one whole answer out. */
export type ServiceHandler = (request: EdgeRequest, body: Buffer) => Promise<ServiceResponse>;

/** A function the edge knows by its access key id. */
export interface Caller {
  /** The Lambda function name (the session name of the assumed role). */
  readonly functionName: string;
  /** The name of the function's execution role. */
  readonly roleName: string;
  /** Identity-based policies attached to the role, intrinsics resolved. */
  readonly policies: readonly PolicyDocument[];
}

/** How a failed service answers while a `fail` fault is active. */
export type FaultKind = 'unavailable' | 'internal';

/** One service's active faults. */
export interface ServiceFaults {
  /** Added latency per request, milliseconds. */
  readonly delayMs: number;
  /** Requests fail until this epoch time (milliseconds). */
  readonly failUntil?: number;
  readonly failKind?: FaultKind;
}

/** Options of {@link EdgeServer}. */
export interface EdgeServerOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 picks a free port. @default 4566 */
  readonly port?: number;
  /** @default '000000000000' */
  readonly accountId?: string;
  /** @default - AWS_REGION, else 'us-east-1' */
  readonly region?: string;
  /** Resolves a SecretId to the secret's full ARN, for IAM checks. @default - partial ARNs */
  readonly resolveSecretArn?: (secretId: string) => string | undefined;
  /** Largest accepted request body, bytes. @default 104857600 (100 MiB) */
  readonly maxBodyBytes?: number;
  /** Clock for fault windows. @default Date.now */
  readonly now?: () => number;
}
