import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretUnavailableError } from './errors.js';

/** Reads the active secret values of a source. */
export interface SecretSource {
  /** The active secrets, in the order stored; the index of a match is reported as `secretIndex`. */
  values(): Promise<readonly string[]>;
}

/**
 * Secret values from Secrets Manager through Powertools Parameters, cached for `maxAgeSeconds`
 * so a warm function does not call Secrets Manager per request, and so a rotation is picked up
 * within one cache period without a redeploy. Values are never logged or put in error messages.
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/features/parameters/
 */
export class CachedSecretSource implements SecretSource {
  readonly #provider: SecretsProvider;
  readonly #secretId: string;
  readonly #maxAgeSeconds: number;
  /** The last value read and what it parsed to: the same array comes back until the value changes. */
  #last: { readonly value: string; readonly values: readonly string[] } | undefined;

  public constructor(provider: SecretsProvider, secretId: string, maxAgeSeconds: number) {
    this.#provider = provider;
    this.#secretId = secretId;
    this.#maxAgeSeconds = maxAgeSeconds;
  }

  /** The active secrets; the same array as long as the stored value is unchanged, so callers can cache what they derive. */
  public async values(): Promise<readonly string[]> {
    let value: unknown;
    try {
      value = await this.#provider.get(this.#secretId, { maxAge: this.#maxAgeSeconds });
    } catch (error) {
      throw new SecretUnavailableError('the source secret could not be read', { cause: error });
    }
    if (typeof value !== 'string') throw new SecretUnavailableError('the source secret has no string value');
    if (this.#last?.value !== value) this.#last = { value, values: parseSecretValue(value) };
    return this.#last.values;
  }
}

/**
 * A secret value is either one secret, or a JSON array of active secrets during a rotation
 * (`["new", "old"]`). Only a value that parses as a non-empty array of non-empty strings is an
 * array; anything else, including a value that merely parses as JSON (`"12345"`), is one secret.
 *
 * @throws SecretUnavailableError when the value is empty or an array holds no usable secret
 */
export function parseSecretValue(value: string): readonly string[] {
  if (value.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) {
      if (parsed.length === 0 || !parsed.every((entry) => typeof entry === 'string' && entry.length > 0)) {
        throw new SecretUnavailableError('the source secret array must hold only non-empty strings');
      }
      return parsed as string[];
    }
  }
  if (value.length === 0) throw new SecretUnavailableError('the source secret is empty');
  return [value];
}
