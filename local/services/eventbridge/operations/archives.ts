import { archiveNameOf, arns } from '../arns.js';
import { ResourceAlreadyExistsError, ResourceNotFoundError, ValidationError } from '../errors.js';
import { EventPattern } from '../pattern/index.js';
import type { ArchiveRecord } from '../types.js';
import type { Input, OperationContext } from './context.js';
import { compact, optionalString, requireString, seconds } from './input.js';

const DAY_MS = 86_400_000;

/**
 * CreateArchive: from now on, events put on `EventSourceArn` (a bus) that match `EventPattern`
 * (all events when absent) are kept for `RetentionDays` (0 = forever).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateArchive.html
 */
export function createArchive(ctx: OperationContext, input: Input): Record<string, unknown> {
  const name = requireString(input, 'ArchiveName');
  const sourceArn = requireString(input, 'EventSourceArn');
  const bus = [...ctx.state.buses.values()].find((b) => b.arn === sourceArn);
  if (bus === undefined) {
    throw new ResourceNotFoundError(`Event bus ${sourceArn} does not exist.`);
  }
  if (ctx.state.archives.has(name)) {
    throw new ResourceAlreadyExistsError(`Archive ${name} already exists.`);
  }
  const eventPattern = optionalString(input, 'EventPattern');
  if (eventPattern !== undefined) {
    EventPattern.compile(eventPattern);
  }
  const retentionDays = typeof input.RetentionDays === 'number' ? input.RetentionDays : 0;
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new ValidationError('Parameter RetentionDays must be a non-negative integer.');
  }
  const archive: ArchiveRecord = {
    name,
    arn: arns.archive(ctx.state.scope, name),
    eventSourceArn: sourceArn,
    retentionDays,
    creationTime: ctx.now(),
    events: [],
    ...compact({ description: optionalString(input, 'Description'), eventPattern }),
  };
  ctx.state.archives.set(name, archive);
  return { ArchiveArn: archive.arn, State: 'ENABLED', CreationTime: seconds(archive.creationTime) };
}

/** DescribeArchive (retention applied first). */
export function describeArchive(ctx: OperationContext, input: Input): Record<string, unknown> {
  const archive = findArchive(ctx, requireString(input, 'ArchiveName'));
  const sizeBytes = archive.events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e.event)), 0);
  return compact({
    ArchiveArn: archive.arn,
    ArchiveName: archive.name,
    EventSourceArn: archive.eventSourceArn,
    Description: archive.description,
    EventPattern: archive.eventPattern,
    State: 'ENABLED',
    RetentionDays: archive.retentionDays,
    SizeBytes: sizeBytes,
    EventCount: archive.events.length,
    CreationTime: seconds(archive.creationTime),
  });
}

/** The archive called `name`, with events past retention dropped. */
export function findArchive(ctx: OperationContext, name: string): ArchiveRecord {
  const archive = ctx.state.archives.get(name);
  if (archive === undefined) {
    throw new ResourceNotFoundError(`Archive ${name} does not exist.`);
  }
  if (archive.retentionDays > 0) {
    const cutoff = ctx.now() - archive.retentionDays * DAY_MS;
    archive.events = archive.events.filter((e) => e.ingestedAt >= cutoff);
  }
  return archive;
}

/** The archive an archive ARN names. */
export function archiveByArn(ctx: OperationContext, arn: string): ArchiveRecord {
  const name = archiveNameOf(arn);
  const archive = name === undefined ? undefined : ctx.state.archives.get(name);
  if (archive === undefined || archive.arn !== arn) {
    throw new ResourceNotFoundError(`Archive ${name ?? arn} does not exist.`);
  }
  return findArchive(ctx, archive.name);
}
