import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The finding id cdk-nag's `IAM5` rule reports for a wildcard resource, e.g.
 * `Resource::<ClaimCheckBucket1234.Arn>/*`: the resolved ARN with `Ref`/`Fn::GetAtt` written in
 * angle brackets, as cdk-nag's `flattenCfnReference` does. Lets an acknowledgement name exactly
 * the resource it accepts instead of the whole rule.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `Resource::${flatten(Stack.of(scope).resolve(resource))}`;
}

function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    if (obj['Fn::Join']) {
      const [delimiter, items] = obj['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (obj['Fn::Sub']) return flatten(obj['Fn::Sub']);
    if (obj['Fn::GetAtt']) {
      const [resource, attribute] = obj['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if (obj['Fn::ImportValue']) return flatten(obj['Fn::ImportValue']);
    if (obj.Ref) return `<${flatten(obj.Ref)}>`;
  }
  return JSON.stringify(node);
}
