import type { S3Client } from '@aws-sdk/client-s3';

let client: Promise<S3Client> | undefined;

/**
 * The verifier's S3 client, with the S3 SDK loaded on first use: only a claim check needs S3, and
 * evaluating the S3 client's modules is about a quarter of a cold start that never uses them.
 * Created once per execution environment, like the shared clients, with the same rule: path-style
 * addressing only when an endpoint override is set (emulators on 127.0.0.1 cannot serve
 * virtual-hosted bucket names).
 */
export function loadS3Client(): Promise<S3Client> {
  client ??= import('@aws-sdk/client-s3').then(
    ({ S3Client: Client }) => new Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL) }),
    (error: unknown) => {
      // Not kept: the next claim check tries again.
      client = undefined;
      throw error;
    },
  );
  return client;
}
