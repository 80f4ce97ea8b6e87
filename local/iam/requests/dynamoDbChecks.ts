import { regionalArnPrefix } from '../arns.js';
import type { AuthorizationCheck, MappingContext } from '../types.js';
import { type JsonBody, stringField } from './readBody.js';

const tableArn = (ctx: MappingContext, table: string): string =>
  table.startsWith('arn:') ? table : `${regionalArnPrefix(ctx, 'dynamodb')}table/${table}`;

const objectField = (body: JsonBody, name: string): JsonBody => {
  const value = body[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonBody) : {};
};

const TRANSACT_WRITE_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

const dedupe = (checks: AuthorizationCheck[]): AuthorizationCheck[] => {
  const seen = new Set<string>();
  return checks.filter((c) => {
    const key = `${c.action} ${c.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The IAM checks of one DynamoDB request (`X-Amz-Target: DynamoDB_20120810.<Op>`): `dynamodb:<Op>`
 * on `arn:aws:dynamodb:<region>:<account>:table/<TableName>`; batch operations check every table of
 * `RequestItems`; transactions check each item's own action (`Put` → `dynamodb:PutItem`, ...).
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
 */
export const dynamoDbChecks = (operation: string, body: JsonBody, ctx: MappingContext): AuthorizationCheck[] => {
  const action = `dynamodb:${operation}`;
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem') {
    return Object.keys(objectField(body, 'RequestItems')).map((table) => ({ action, resource: tableArn(ctx, table) }));
  }
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    const items = Array.isArray(body.TransactItems) ? (body.TransactItems as unknown[]) : [];
    return dedupe(
      items.flatMap((item) => {
        if (item === null || typeof item !== 'object') return [];
        return Object.entries(item as JsonBody).map(([kind, detail]) => {
          const table = detail !== null && typeof detail === 'object' ? stringField(detail as JsonBody, 'TableName') : undefined;
          const itemAction = operation === 'TransactGetItems' ? 'dynamodb:GetItem' : (TRANSACT_WRITE_ACTIONS[kind] ?? action);
          return { action: itemAction, resource: tableArn(ctx, table ?? '') };
        });
      }),
    );
  }
  const table = stringField(body, 'TableName');
  return [{ action, resource: table === undefined ? '*' : tableArn(ctx, table) }];
};
