import { describe, expect, it } from 'vitest';
import { evaluatePolicies, MalformedPolicyError, type PolicyDocument } from '../../../local/iam/index.js';

const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/idempotency';
const allow = (Action: string | string[], Resource: string | string[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource }],
});

describe('evaluatePolicies', () => {
  it('allows an action a statement names on its resource', () => {
    // GIVEN / WHEN
    const result = evaluatePolicies([allow('dynamodb:PutItem', TABLE)], { action: 'dynamodb:PutItem', resource: TABLE });
    // THEN
    expect(result.decision).toBe('allow');
  });

  it('denies implicitly when no statement allows the action', () => {
    const result = evaluatePolicies([allow('dynamodb:GetItem', TABLE)], { action: 'dynamodb:PutItem', resource: TABLE });
    expect(result).toEqual({ decision: 'implicitDeny' });
  });

  it('denies implicitly when the resource differs', () => {
    const result = evaluatePolicies([allow('dynamodb:PutItem', `${TABLE}-other`)], { action: 'dynamodb:PutItem', resource: TABLE });
    expect(result.decision).toBe('implicitDeny');
  });

  it('lets an explicit Deny win over an Allow, in any order', () => {
    // GIVEN an Allow on everything and a Deny on one action, in two documents
    const deny: PolicyDocument = { Statement: { Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: '*' } };
    // WHEN / THEN
    for (const docs of [[allow('*', '*'), deny], [deny, allow('*', '*')]]) {
      expect(evaluatePolicies(docs, { action: 'dynamodb:DeleteItem', resource: TABLE }).decision).toBe('explicitDeny');
      expect(evaluatePolicies(docs, { action: 'dynamodb:PutItem', resource: TABLE }).decision).toBe('allow');
    }
  });

  it('matches action wildcards and ignores the case of actions', () => {
    const policies = [allow(['DynamoDB:*Item', 'sqs:Get?ueueUrl'], '*')];
    expect(evaluatePolicies(policies, { action: 'dynamodb:PutItem', resource: TABLE }).decision).toBe('allow');
    expect(evaluatePolicies(policies, { action: 'dynamodb:putitem', resource: TABLE }).decision).toBe('allow');
    expect(evaluatePolicies(policies, { action: 'sqs:GetQueueUrl', resource: '*' }).decision).toBe('allow');
    expect(evaluatePolicies(policies, { action: 'dynamodb:Query', resource: TABLE }).decision).toBe('implicitDeny');
    expect(evaluatePolicies(policies, { action: 'sqs:GetQueueAttributes', resource: '*' }).decision).toBe('implicitDeny');
  });

  it('keeps resource wildcards inside their ARN segment unless they end it', () => {
    // GIVEN a `*` inside a segment, a `*` ending a segment, and a `?`
    const inside = [allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:000000000000:orders-*-dlq')];
    const ending = [allow('sqs:SendMessage', 'arn:aws:sqs:*')];
    const single = [allow('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:000000000000:secret:stripe-??????')];
    // THEN
    const check = (resource: string) => ({ action: 'sqs:SendMessage', resource });
    expect(evaluatePolicies(inside, check('arn:aws:sqs:us-east-1:000000000000:orders-crm-dlq')).decision).toBe('allow');
    expect(evaluatePolicies(inside, check('arn:aws:sqs:us-east-1:000000000000:orders-a:b-dlq')).decision).toBe('implicitDeny');
    expect(evaluatePolicies(ending, check('arn:aws:sqs:us-east-1:000000000000:a:b')).decision).toBe('allow');
    expect(evaluatePolicies(ending, check('arn:aws:sqs:eu-west-1:111111111111:x')).decision).toBe('allow');
    const secret = (suffix: string) => ({
      action: 'secretsmanager:GetSecretValue',
      resource: `arn:aws:secretsmanager:us-east-1:000000000000:secret:stripe-${suffix}`,
    });
    expect(evaluatePolicies(single, secret('AbC123')).decision).toBe('allow');
    expect(evaluatePolicies(single, secret('AbC1234')).decision).toBe('implicitDeny');
  });

  it('matches resource ARNs case-sensitively', () => {
    const result = evaluatePolicies([allow('s3:GetObject', 'arn:aws:s3:::Bucket/*')], {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/key',
    });
    expect(result.decision).toBe('implicitDeny');
  });

  it('lets a bucket/* resource match nested keys', () => {
    const result = evaluatePolicies([allow('s3:GetObject*', 'arn:aws:s3:::claims/*')], {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::claims/github/2026/11/x.json',
    });
    expect(result.decision).toBe('allow');
  });

  it('applies NotAction and NotResource as complements', () => {
    const policies: PolicyDocument[] = [
      { Statement: [{ Effect: 'Allow', NotAction: 'dynamodb:DeleteItem', Resource: '*' }] },
      { Statement: [{ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::claims/*' }] },
    ];
    expect(evaluatePolicies(policies, { action: 'dynamodb:PutItem', resource: TABLE }).decision).toBe('allow');
    expect(evaluatePolicies(policies, { action: 'dynamodb:DeleteItem', resource: TABLE }).decision).toBe('implicitDeny');
    expect(evaluatePolicies(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::claims/k' }).decision).toBe('allow');
    expect(evaluatePolicies(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::other/k' }).decision).toBe('explicitDeny');
  });

  it('fails if a statement has neither Action nor NotAction', () => {
    const bad = { Statement: [{ Effect: 'Allow', Resource: '*' }] } as unknown as PolicyDocument;
    const act = () => evaluatePolicies([bad], { action: 'sqs:SendMessage', resource: '*' });
    expect(act).toThrow(MalformedPolicyError);
    expect(act).toThrow('a statement must have exactly one of Action or NotAction');
  });

  it('fails if Effect is neither Allow nor Deny', () => {
    const bad = { Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] } as unknown as PolicyDocument;
    expect(() => evaluatePolicies([bad], { action: 'sqs:SendMessage', resource: '*' })).toThrow(
      'Effect must be Allow or Deny (given "allow")',
    );
  });
});
