import { regionalArnPrefix } from '../arns.js';
import { DEFAULT_EVENT_BUS_NAME } from '../constants.js';
import type { AuthorizationCheck, MappingContext } from '../types.js';
import { type JsonBody, stringField } from './readBody.js';

const busArn = (ctx: MappingContext, nameOrArn: string | undefined): string => {
  const name = nameOrArn ?? DEFAULT_EVENT_BUS_NAME;
  return name.startsWith('arn:') ? name : `${regionalArnPrefix(ctx, 'events')}event-bus/${name}`;
};

const busName = (nameOrArn: string | undefined): string => {
  if (nameOrArn === undefined) return DEFAULT_EVENT_BUS_NAME;
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.indexOf('event-bus/') + 'event-bus/'.length) : nameOrArn;
};

/** Rules on the default bus have no bus segment in their ARN; rules on a custom bus do. */
const ruleArn = (ctx: MappingContext, rule: string, bus: string | undefined): string => {
  const name = busName(bus);
  const path = name === DEFAULT_EVENT_BUS_NAME ? `rule/${rule}` : `rule/${name}/${rule}`;
  return `${regionalArnPrefix(ctx, 'events')}${path}`;
};

const RULE_OPERATIONS = new Set([
  'PutRule', 'DeleteRule', 'DescribeRule', 'EnableRule', 'DisableRule',
  'PutTargets', 'RemoveTargets', 'ListTargetsByRule',
]);
const ARCHIVE_OPERATIONS = new Set(['CreateArchive', 'DescribeArchive', 'DeleteArchive', 'UpdateArchive']);
const REPLAY_OPERATIONS = new Set(['StartReplay', 'DescribeReplay', 'CancelReplay']);
const BUS_OPERATIONS = new Set(['CreateEventBus', 'DescribeEventBus', 'DeleteEventBus', 'UpdateEventBus']);

/**
 * The IAM checks of one EventBridge request (`X-Amz-Target: AWSEvents.<Op>`).
 * `events:PutEvents` is checked once per distinct bus its entries name (the default bus for an
 * entry without `EventBusName`); rules, archives, replays and buses map to their ARNs; the list
 * operations and TestEventPattern have no resource (`*`).
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html
 */
export const eventsChecks = (operation: string, body: JsonBody, ctx: MappingContext): AuthorizationCheck[] => {
  const action = `events:${operation}`;
  if (operation === 'PutEvents') {
    const entries = Array.isArray(body.Entries) ? (body.Entries as unknown[]) : [];
    const buses = new Set(
      entries.map((entry) =>
        busArn(ctx, entry !== null && typeof entry === 'object' ? stringField(entry as JsonBody, 'EventBusName') : undefined),
      ),
    );
    if (buses.size === 0) buses.add(busArn(ctx, undefined));
    return [...buses].map((resource) => ({ action, resource }));
  }
  if (RULE_OPERATIONS.has(operation)) {
    const rule = stringField(body, 'Name') ?? stringField(body, 'Rule') ?? '';
    return [{ action, resource: ruleArn(ctx, rule, stringField(body, 'EventBusName')) }];
  }
  if (ARCHIVE_OPERATIONS.has(operation)) {
    return [{ action, resource: `${regionalArnPrefix(ctx, 'events')}archive/${stringField(body, 'ArchiveName') ?? ''}` }];
  }
  if (REPLAY_OPERATIONS.has(operation)) {
    return [{ action, resource: `${regionalArnPrefix(ctx, 'events')}replay/${stringField(body, 'ReplayName') ?? ''}` }];
  }
  if (BUS_OPERATIONS.has(operation)) {
    return [{ action, resource: busArn(ctx, stringField(body, 'Name')) }];
  }
  return [{ action, resource: '*' }];
};
