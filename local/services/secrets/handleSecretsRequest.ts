import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { JSON_1_1, TARGET_PREFIX } from './constants.js';
import { InvalidRequestError, SecretsManagerError } from './errors.js';
import { generatePassword } from './generateSecretString.js';
import type { SecretsService } from './SecretsService.js';

/** The parts of an HTTP request the wire handler reads. */
export interface SecretsWireRequest {
  readonly headers: IncomingHttpHeaders;
}

/** An HTTP answer. */
export interface SecretsWireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

type Body = Readonly<Record<string, unknown>>;

const str = (body: Body, name: string): string | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidRequestError(`${name} must be a string`);
  return value;
};

const required = (body: Body, name: string): string => {
  const value = str(body, name);
  if (value === undefined) throw new SecretsManagerError('InvalidParameterException', 400, `You must provide a value for ${name}.`);
  return value;
};

/** JSON 1.1 timestamps are epoch seconds. */
const seconds = (ms: number): number => ms / 1000;

const answer = (status: number, payload: unknown): SecretsWireResponse => ({
  status,
  headers: { 'content-type': JSON_1_1, 'x-amzn-requestid': randomUUID() },
  body: JSON.stringify(payload),
});

const operations: Readonly<Record<string, (service: SecretsService, body: Body) => unknown>> = {
  CreateSecret: (service, body) => {
    const created = service.createSecret({
      name: required(body, 'Name'),
      description: str(body, 'Description'),
      kmsKeyId: str(body, 'KmsKeyId'),
      secretString: str(body, 'SecretString'),
      secretBinary: str(body, 'SecretBinary'),
      clientRequestToken: str(body, 'ClientRequestToken'),
      tags: Array.isArray(body.Tags) ? (body.Tags as Array<{ Key: string; Value: string }>) : undefined,
    });
    return { ARN: created.arn, Name: created.name, VersionId: created.versionId };
  },
  PutSecretValue: (service, body) => {
    const put = service.putSecretValue({
      secretId: required(body, 'SecretId'),
      secretString: str(body, 'SecretString'),
      secretBinary: str(body, 'SecretBinary'),
      clientRequestToken: str(body, 'ClientRequestToken'),
      versionStages: Array.isArray(body.VersionStages) ? (body.VersionStages as string[]) : undefined,
    });
    return { ARN: put.arn, Name: put.name, VersionId: put.versionId, VersionStages: put.versionStages };
  },
  GetSecretValue: (service, body) => {
    const value = service.getSecretValue({
      secretId: required(body, 'SecretId'),
      versionId: str(body, 'VersionId'),
      versionStage: str(body, 'VersionStage'),
    });
    return {
      ARN: value.arn,
      Name: value.name,
      VersionId: value.versionId,
      SecretString: value.secretString,
      SecretBinary: value.secretBinary,
      VersionStages: value.versionStages,
      CreatedDate: seconds(value.createdAt),
    };
  },
  DescribeSecret: (service, body) => {
    const secret = service.describeSecret(required(body, 'SecretId'));
    return {
      ARN: secret.arn,
      Name: secret.name,
      Description: secret.description,
      KmsKeyId: secret.kmsKeyId,
      CreatedDate: seconds(secret.createdAt),
      LastChangedDate: seconds(secret.lastChangedAt),
      Tags: secret.tags.length > 0 ? secret.tags : undefined,
      VersionIdsToStages: secret.versionIdsToStages,
    };
  },
  ListSecretVersionIds: (service, body) => {
    const listed = service.listSecretVersionIds(required(body, 'SecretId'), body.IncludeDeprecated === true);
    return {
      ARN: listed.arn,
      Name: listed.name,
      Versions: listed.versions.map((v) => ({
        VersionId: v.versionId,
        VersionStages: v.versionStages,
        CreatedDate: seconds(v.createdAt),
      })),
    };
  },
  UpdateSecretVersionStage: (service, body) => {
    const updated = service.updateSecretVersionStage({
      secretId: required(body, 'SecretId'),
      versionStage: required(body, 'VersionStage'),
      moveToVersionId: str(body, 'MoveToVersionId'),
      removeFromVersionId: str(body, 'RemoveFromVersionId'),
    });
    return { ARN: updated.arn, Name: updated.name };
  },
  GetRandomPassword: (_service, body) => ({
    RandomPassword: generatePassword({
      PasswordLength: typeof body.PasswordLength === 'number' ? body.PasswordLength : undefined,
      ExcludeCharacters: str(body, 'ExcludeCharacters'),
      ExcludeLowercase: body.ExcludeLowercase === true,
      ExcludeUppercase: body.ExcludeUppercase === true,
      ExcludeNumbers: body.ExcludeNumbers === true,
      ExcludePunctuation: body.ExcludePunctuation === true,
      IncludeSpace: body.IncludeSpace === true,
      RequireEachIncludedType: body.RequireEachIncludedType !== false,
    }),
  }),
};

/**
 * Answers one Secrets Manager request in the AWS JSON 1.1 protocol: the operation from
 * `X-Amz-Target: secretsmanager.<Op>`, the input as a JSON body, errors as
 * `{"__type": "<Code>", "Message": "..."}` with status 400.
 *
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 */
export const handleSecretsRequest = (service: SecretsService, request: SecretsWireRequest, body: Buffer): SecretsWireResponse => {
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  const handler = operations[operation];
  if (!handler) {
    return answer(400, {
      __type: 'UnknownOperationException',
      Message: `secretsmanager.${operation} is not emulated locally (supported: ${Object.keys(operations).join(', ')})`,
    });
  }
  try {
    const text = body.toString('utf8');
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return answer(400, { __type: 'SerializationException', Message: 'The request body must be a JSON object.' });
    }
    return answer(200, handler(service, parsed as Body));
  } catch (error) {
    if (error instanceof SecretsManagerError) return answer(error.status, { __type: error.type, Message: error.message });
    if (error instanceof SyntaxError) return answer(400, { __type: 'SerializationException', Message: error.message });
    throw error;
  }
};
