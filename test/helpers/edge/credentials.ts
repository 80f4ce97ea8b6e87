/** Region the edge tests use. */
export const TEST_REGION = 'us-east-1';

/** Credentials of an operator or test: an access key the edge does not know (administrator). */
export const ADMIN_CREDENTIALS = { accessKeyId: 'AKIDADMIN', secretAccessKey: 'admin-secret' } as const;

/** Credentials shaped like a function's: the edge maps this key id to a role. */
export const functionCredentials = (accessKeyId: string): { accessKeyId: string; secretAccessKey: string } => ({
  accessKeyId,
  secretAccessKey: 'local-dummy-secret',
});

/** The SDK client configuration for a given endpoint and key. */
export const clientConfig = (
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string } = ADMIN_CREDENTIALS,
): { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number } => ({
  endpoint,
  region: TEST_REGION,
  credentials,
  // Fault tests count attempts themselves; one attempt keeps a failing call fast and visible.
  maxAttempts: 1,
});
