import { regionalArnPrefix } from '../arns.js';
import type { AuthorizationCheck, MappingContext } from '../types.js';
import { type JsonBody, stringField } from './readBody.js';

/**
 * The IAM checks of one Secrets Manager request (`X-Amz-Target: secretsmanager.<Op>`). The resource
 * is the secret's full ARN (with its random suffix), found through `ctx.resolveSecretArn`; a secret
 * that does not exist (or CreateSecret's new name) is named by its partial ARN
 * `…:secret:<name>`, so a policy scoped to `…:secret:<name>-??????` does not match it — as on AWS,
 * where such a caller gets AccessDeniedException rather than ResourceNotFoundException.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html
 */
export const secretsChecks = (operation: string, body: JsonBody, ctx: MappingContext): AuthorizationCheck[] => {
  const action = `secretsmanager:${operation}`;
  const secretId = stringField(body, 'SecretId') ?? (operation === 'CreateSecret' ? stringField(body, 'Name') : undefined);
  if (secretId === undefined) return [{ action, resource: '*' }];
  const resolved = ctx.resolveSecretArn?.(secretId);
  if (resolved !== undefined) return [{ action, resource: resolved }];
  const resource = secretId.startsWith('arn:') ? secretId : `${regionalArnPrefix(ctx, 'secretsmanager')}secret:${secretId}`;
  return [{ action, resource }];
};
