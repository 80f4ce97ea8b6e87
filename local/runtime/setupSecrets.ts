import { randomBytes } from 'node:crypto';
import type { GenerateSecretStringOptions, SecretsService } from '../services/secrets/index.js';
import type { ResourceGraph, SecretNode } from '../template/index.js';
import { GENERATED_SECRET_PREFIX } from './constants.js';
import { ResourceSetupError } from './errors.js';

/** Signing secret per source from the secrets file: one string, or several during a rotation. */
export type SourceSecrets = Readonly<Record<string, string | readonly string[]>>;

/** A webhook source's signing secret as the runtime set it up. */
export interface SourceSecret {
  readonly source: string;
  readonly secretArn: string;
  /** Where the value came from. */
  readonly origin: 'file' | 'state' | 'generated';
  /** The value when generated or kept from STATE_DIR (printed once at start); unset for the secrets file's. */
  readonly value?: string;
}

/**
 * Which secret each webhook source verifies with: a verifier function's environment names both
 * (`HOOKBRIDGE_SOURCE`, `HOOKBRIDGE_SECRET_ID`, docs/contract.md).
 */
export function sourcesBySecret(graph: ResourceGraph): Map<SecretNode, string> {
  const map = new Map<SecretNode, string>();
  for (const fn of graph.functions) {
    const source = fn.environment.HOOKBRIDGE_SOURCE;
    const secretId = fn.environment.HOOKBRIDGE_SECRET_ID;
    if (source === undefined || secretId === undefined) continue;
    const secret = graph.secrets.find((s) => s.arn === secretId || s.name === secretId);
    if (secret) map.set(secret, source);
  }
  return map;
}

/** A signing secret in the Standard Webhooks form (`whsec_` + base64 of 24 random bytes), which every scheme accepts. */
export const generateSigningSecret = (): string => `${GENERATED_SECRET_PREFIX}${randomBytes(24).toString('base64')}`;

const encode = (value: string | readonly string[]): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Creates the stack's secrets. A webhook source's secret takes its value from the secrets file
 * when it names the source (replacing a different value kept in STATE_DIR), else keeps the value
 * STATE_DIR holds, else gets a generated signing secret. Other secrets get the template's value
 * (`SecretString`, or generated per `GenerateSecretString`) unless STATE_DIR holds them.
 *
 * @throws ResourceSetupError naming the secret when the emulator refuses it
 */
export function setupSecrets(secrets: SecretsService, graph: ResourceGraph, fromFile: SourceSecrets): SourceSecret[] {
  const sources = sourcesBySecret(graph);
  const result: SourceSecret[] = [];
  for (const node of graph.secrets) {
    const source = sources.get(node);
    const existing = secrets.resolveArn(node.arn) ?? secrets.resolveArn(node.name);
    try {
      if (source === undefined) {
        if (existing !== undefined) continue;
        secrets.createSecret({
          name: node.name,
          arn: node.arn,
          ...(node.description !== undefined ? { description: node.description } : {}),
          ...(node.secretString !== undefined
            ? { secretString: node.secretString }
            : node.generateSecretString !== undefined
              ? { generateSecretString: node.generateSecretString as GenerateSecretStringOptions }
              : {}),
        });
        continue;
      }
      const given = fromFile[source];
      if (given !== undefined) {
        const value = encode(given);
        if (existing === undefined) {
          secrets.createSecret({ name: node.name, arn: node.arn, secretString: value });
        } else if (currentValue(secrets, existing) !== value) {
          secrets.putSecretValue({ secretId: existing, secretString: value });
        }
        result.push({ source, secretArn: existing ?? node.arn, origin: 'file' });
        continue;
      }
      const kept = existing === undefined ? undefined : currentValue(secrets, existing);
      if (existing !== undefined && kept !== undefined) {
        result.push({ source, secretArn: existing, origin: 'state', value: kept });
        continue;
      }
      const value = generateSigningSecret();
      if (existing === undefined) secrets.createSecret({ name: node.name, arn: node.arn, secretString: value });
      else secrets.putSecretValue({ secretId: existing, secretString: value });
      result.push({ source, secretArn: existing ?? node.arn, origin: 'generated', value });
    } catch (error) {
      throw new ResourceSetupError(`${node.logicalId} (AWS::SecretsManager::Secret ${node.name}): ${(error as Error).message}; fix the secret in the stack`, { cause: error });
    }
  }
  return result;
}

function currentValue(secrets: SecretsService, secretId: string): string | undefined {
  try {
    return secrets.getSecretValue({ secretId }).secretString;
  } catch {
    return undefined;
  }
}
