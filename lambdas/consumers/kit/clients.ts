import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

let sqs: SQSClient | undefined;
let s3: S3Client | undefined;
let dynamodb: DynamoDBClient | undefined;

/** The process-wide SQS client, created on first use (endpoint: `AWS_ENDPOINT_URL_SQS` if set). */
export const defaultSqsClient = (): SQSClient => (sqs ??= new SQSClient({}));

/** The process-wide DynamoDB client, created on first use (endpoint: `AWS_ENDPOINT_URL_DYNAMODB` if set). */
export const defaultDynamoDBClient = (): DynamoDBClient => (dynamodb ??= new DynamoDBClient({}));

/**
 * The process-wide S3 client, created on first use. The SDK reads a custom endpoint from
 * `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`); with one set, requests are path-style
 * (`/bucket/key`), which S3-compatible local servers expect.
 *
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export const defaultS3Client = (): S3Client =>
  (s3 ??= new S3Client({
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL),
  }));
