import type { EdgeService } from './types.js';

/** LocalStack's edge port, which the local runtime uses too. */
export const DEFAULT_EDGE_PORT = 4566;

/** Every local server listens on loopback unless told otherwise; never 0.0.0.0. */
export const DEFAULT_EDGE_HOST = '127.0.0.1';

/** `X-Amz-Target` prefixes (before the first `.`) of the JSON-protocol services. */
export const TARGET_PREFIXES: Readonly<Record<string, EdgeService>> = {
  AmazonSQS: 'sqs',
  AWSEvents: 'events',
  secretsmanager: 'secretsmanager',
  DynamoDB_20120810: 'dynamodb',
};

/** The JSON content type each JSON-protocol service answers with. */
export const JSON_CONTENT_TYPES: Readonly<Record<Exclude<EdgeService, 's3'>, string>> = {
  sqs: 'application/x-amz-json-1.0',
  events: 'application/x-amz-json-1.1',
  secretsmanager: 'application/x-amz-json-1.1',
  dynamodb: 'application/x-amz-json-1.0',
};

/** @default 100 MiB */
export const DEFAULT_MAX_BODY_BYTES = 100 * 1024 * 1024;
