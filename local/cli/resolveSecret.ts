import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CliError } from './errors.js';
import { readSecretsFile } from './readSecretsFile.js';
import { sdkClientConfig, type Target } from './target.js';
import { translateSdkError } from './translateSdkError.js';

/** Where `send` may find a source's signing secret, in the order it looks. */
export interface SecretSources {
  /** `--secret`. */
  readonly flag?: string;
  /** The secrets file and how the user named it (`--secrets-file` or `WEBHOOK_SECRETS_FILE`). */
  readonly file?: { readonly path: string; readonly setting: string };
  /** Secret ARN or name from the outputs (`SecretArn<Source>`) or the template. */
  readonly secretId?: string;
  readonly target: Target;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A secret and where it came from (printed, never the value). */
export interface ResolvedSecret {
  readonly value: string;
  readonly origin: string;
}

/**
 * The secret to sign a test delivery of `source` with: `--secret`, else the secrets file's entry,
 * else the value in Secrets Manager — locally through the edge, on AWS through the default
 * endpoint, the same `GetSecretValue` call either way. A rotation array signs with its first
 * (newest) entry, the one a vendor would use.
 * @throws CliError when no source has it or Secrets Manager cannot be read
 */
export async function resolveSecret(source: string, sources: SecretSources): Promise<ResolvedSecret> {
  if (sources.flag !== undefined) return { value: sources.flag, origin: '--secret' };
  if (sources.file) {
    const secrets = readSecretsFile(sources.file.path, sources.file.setting);
    const entry = secrets[source];
    if (entry !== undefined) return { value: typeof entry === 'string' ? entry : entry[0]!, origin: sources.file.path };
  }
  if (sources.secretId === undefined) {
    throw new CliError(`no secret for source ${JSON.stringify(source)}: pass --secret, add it to WEBHOOK_SECRETS_FILE, or use an outputs file with SecretArn outputs`);
  }
  const value = await getSecretValue(sources.secretId, sources.target, sources.env);
  return { value: firstSecret(value), origin: sources.target.kind === 'local' ? 'local Secrets Manager' : 'AWS Secrets Manager' };
}

async function getSecretValue(secretId: string, target: Target, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const client = new SecretsManagerClient(sdkClientConfig(target, secretId, env));
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (SecretString === undefined) throw new CliError(`secret ${secretId} has no string value; pass --secret`);
    return SecretString;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw translateSdkError(error, `read secret ${secretId}`, target);
  } finally {
    client.destroy();
  }
}

/** Same rule as the verifier (lambdas/verifier/secrets.ts): a JSON array of strings is a rotation. */
function firstSecret(value: string): string {
  if (value.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed) && typeof parsed[0] === 'string' && parsed[0] !== '') return parsed[0];
    } catch {
      // not JSON: one secret that starts with "["
    }
  }
  if (value === '') throw new CliError('the source secret is empty; pass --secret');
  return value;
}
