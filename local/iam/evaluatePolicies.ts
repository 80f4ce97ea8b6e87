import { MalformedPolicyError } from './errors.js';
import { actionMatches, resourceMatches } from './matchPattern.js';
import type { AuthorizationCheck, Evaluation, PolicyDocument, PolicyStatement, StringOrList } from './types.js';

const toList = (value: StringOrList): readonly string[] => (typeof value === 'string' ? [value] : value);

const statementsOf = (document: PolicyDocument): readonly PolicyStatement[] => {
  const { Statement: statement } = document;
  return Array.isArray(statement) ? statement : [statement as PolicyStatement];
};

const validate = (statement: PolicyStatement): void => {
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    throw new MalformedPolicyError(`Effect must be Allow or Deny (given ${JSON.stringify(statement.Effect)})`, statement);
  }
  if ((statement.Action === undefined) === (statement.NotAction === undefined)) {
    throw new MalformedPolicyError('a statement must have exactly one of Action or NotAction', statement);
  }
  if ((statement.Resource === undefined) === (statement.NotResource === undefined)) {
    throw new MalformedPolicyError('a statement must have exactly one of Resource or NotResource', statement);
  }
};

const applies = (statement: PolicyStatement, check: AuthorizationCheck): boolean => {
  const actionHit =
    statement.Action !== undefined
      ? toList(statement.Action).some((p) => actionMatches(p, check.action))
      : !toList(statement.NotAction as StringOrList).some((p) => actionMatches(p, check.action));
  if (!actionHit) return false;
  return statement.Resource !== undefined
    ? toList(statement.Resource).some((p) => resourceMatches(p, check.resource))
    : !toList(statement.NotResource as StringOrList).some((p) => resourceMatches(p, check.resource));
};

/**
 * Evaluates identity-based policies for one (action, resource) check the way IAM does within one
 * account: an explicit Deny wins, otherwise any matching Allow allows, otherwise the request is
 * implicitly denied.
 *
 * Not evaluated locally: `Condition` blocks (a statement with a Condition is treated as if the
 * condition held), policy variables, permission boundaries, SCPs, session and resource-based
 * policies.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @throws MalformedPolicyError if a statement lacks Effect, Action/NotAction or Resource/NotResource
 */
export const evaluatePolicies = (documents: readonly PolicyDocument[], check: AuthorizationCheck): Evaluation => {
  let allowedBy: PolicyStatement | undefined;
  for (const document of documents) {
    for (const statement of statementsOf(document)) {
      validate(statement);
      if (!applies(statement, check)) continue;
      if (statement.Effect === 'Deny') return { decision: 'explicitDeny', statement };
      allowedBy ??= statement;
    }
  }
  return allowedBy ? { decision: 'allow', statement: allowedBy } : { decision: 'implicitDeny' };
};
