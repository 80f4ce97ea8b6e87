import { DEFAULT_BUS } from './constants.js';

/** Account and region that ARNs are built with. */
export interface ArnScope {
  readonly accountId: string;
  readonly region: string;
}

/**
 * ARN builders and parsers for EventBridge resources.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html#amazoneventbridge-resources-for-iam-policies
 */
export const arns = {
  bus: (scope: ArnScope, name: string): string => `${prefix(scope)}:event-bus/${name}`,
  rule: (scope: ArnScope, busName: string, name: string): string =>
    busName === DEFAULT_BUS ? `${prefix(scope)}:rule/${name}` : `${prefix(scope)}:rule/${busName}/${name}`,
  archive: (scope: ArnScope, name: string): string => `${prefix(scope)}:archive/${name}`,
  replay: (scope: ArnScope, name: string): string => `${prefix(scope)}:replay/${name}`,
};

/** `EventBusName` may be a name or an ARN; returns the name (`default` when absent). */
export function busNameOf(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn === '') {
    return DEFAULT_BUS;
  }
  const marker = ':event-bus/';
  const at = nameOrArn.indexOf(marker);
  return nameOrArn.startsWith('arn:') && at >= 0 ? nameOrArn.slice(at + marker.length) : nameOrArn;
}

/** The resource name after `:archive/` in an archive ARN, or `undefined`. */
export function archiveNameOf(arn: string): string | undefined {
  const marker = ':archive/';
  const at = arn.indexOf(marker);
  return at >= 0 ? arn.slice(at + marker.length) : undefined;
}

function prefix(scope: ArnScope): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}`;
}
