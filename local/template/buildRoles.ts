import { KNOWN_MANAGED_POLICIES } from './constants.js';
import { asRecord, Props, toPolicyDocument } from './props.js';
import type { ResourceIndex } from './ResourceIndex.js';
import type { AttachedPolicy, ManagedPolicyRef, RoleNode } from './types.js';

const AWS_MANAGED_POLICY = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/**
 * Every `AWS::IAM::Role` with every policy attached to it in the template: inline `Policies`,
 * `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources naming the role, customer managed
 * policies of the stack in `ManagedPolicyArns`, and AWS managed policies the runtime knows
 * (see {@link KNOWN_MANAGED_POLICIES}); unknown managed policies are listed with `known: false`.
 */
export function buildRoles(index: ResourceIndex): RoleNode[] {
  const attachments = new Map<string, AttachedPolicy[]>();
  const attach = (roleName: unknown, policy: AttachedPolicy): void => {
    const role = index.find(roleName, 'AWS::IAM::Role');
    if (role === undefined) return;
    const list = attachments.get(role.logicalId) ?? [];
    if (!list.some((p) => p.source === policy.source && p.name === policy.name)) list.push(policy);
    attachments.set(role.logicalId, list);
  };
  for (const policy of index.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
    const props = new Props(policy);
    const document = toPolicyDocument(props.raw.PolicyDocument, `${policy.logicalId}.PolicyDocument`);
    const name = props.optionalString('PolicyName') ?? policy.identity.name ?? policy.logicalId;
    for (const roleName of props.list('Roles')) attach(roleName, { name, source: policy.logicalId, document });
  }

  return index.ofType('AWS::IAM::Role').map((role) => {
    const props = new Props(role);
    const policies: AttachedPolicy[] = [];
    for (const [i, raw] of props.list('Policies').entries()) {
      const inline = asRecord(raw) ?? {};
      policies.push({
        name: String(inline.PolicyName ?? `inline${i}`),
        source: 'inline',
        document: toPolicyDocument(inline.PolicyDocument, `${role.logicalId}.Policies[${i}].PolicyDocument`),
      });
    }
    const managedPolicies: ManagedPolicyRef[] = props.list('ManagedPolicyArns').map((value) => {
      const arn = String(value);
      const customer = index.find(arn, 'AWS::IAM::ManagedPolicy');
      if (customer !== undefined) {
        const document = toPolicyDocument(customer.properties.PolicyDocument, `${customer.logicalId}.PolicyDocument`);
        policies.push({ name: customer.identity.name ?? customer.logicalId, source: customer.logicalId, document });
        return { arn, name: customer.identity.name ?? customer.logicalId, known: true };
      }
      const name = AWS_MANAGED_POLICY.exec(arn)?.[1] ?? arn.split('/').pop() ?? arn;
      const statements = AWS_MANAGED_POLICY.test(arn) ? KNOWN_MANAGED_POLICIES[name] : undefined;
      if (statements !== undefined) policies.push({ name, source: name, document: { Version: '2012-10-17', Statement: statements } });
      return { arn, name, known: statements !== undefined };
    });
    for (const attached of attachments.get(role.logicalId) ?? []) {
      if (!policies.some((p) => p.source === attached.source)) policies.push(attached);
    }
    const assumeRolePolicy = props.raw.AssumeRolePolicyDocument;
    return {
      logicalId: role.logicalId,
      name: role.identity.name!,
      arn: role.identity.arn!,
      ...(assumeRolePolicy === undefined
        ? {}
        : { assumeRolePolicy: toPolicyDocument(assumeRolePolicy, `${role.logicalId}.AssumeRolePolicyDocument`) }),
      managedPolicies,
      policies,
    };
  });
}
