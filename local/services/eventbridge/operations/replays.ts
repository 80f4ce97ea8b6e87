import { arns } from '../arns.js';
import { ResourceAlreadyExistsError, ResourceNotFoundError, ValidationError } from '../errors.js';
import type { ReplayRecord } from '../types.js';
import { archiveByArn } from './archives.js';
import type { Input, OperationContext } from './context.js';
import { compact, optionalString, requireString, seconds, timestampMs } from './input.js';
import { routeEvent } from './routeEvent.js';

/**
 * StartReplay: answers `STARTING` at once and re-delivers, in the background, the archived events
 * whose `time` lies in [EventStartTime, EventEndTime] (the docs say "between"; we include both ends),
 * oldest first, each with a `replay-name` field, to the rules in `Destination.FilterArns` or, when
 * absent, every rule on the bus. Replayed events are not archived again.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_StartReplay.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html
 */
export function startReplay(ctx: OperationContext, input: Input): Record<string, unknown> {
  const name = requireString(input, 'ReplayName');
  if (ctx.state.replays.has(name)) {
    throw new ResourceAlreadyExistsError(`Replay ${name} already exists.`);
  }
  const archive = archiveByArn(ctx, requireString(input, 'EventSourceArn'));
  const start = timestampMs(input.EventStartTime, 'EventStartTime');
  const end = timestampMs(input.EventEndTime, 'EventEndTime');
  if (start === undefined || end === undefined || !(start < end)) {
    throw new ValidationError('Parameter EventStartTime is not valid. Reason: EventStartTime must be before EventEndTime.');
  }
  const destination = input.Destination as ReplayRecord['destination'] | undefined;
  if (destination?.Arn !== archive.eventSourceArn) {
    throw new ValidationError('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
  }
  const replay: ReplayRecord = {
    name,
    arn: arns.replay(ctx.state.scope, name),
    eventSourceArn: archive.arn,
    destination: compact({ Arn: destination.Arn, FilterArns: destination.FilterArns }),
    eventStartTime: start,
    eventEndTime: end,
    state: 'STARTING',
    replayStartTime: ctx.now(),
    ...compact({ description: optionalString(input, 'Description') }),
  };
  ctx.state.replays.set(name, replay);
  const run = runReplay(ctx, replay).finally(() => ctx.background.delete(run));
  ctx.background.add(run);
  return { ReplayArn: replay.arn, State: replay.state, ReplayStartTime: seconds(replay.replayStartTime) };
}

async function runReplay(ctx: OperationContext, replay: ReplayRecord): Promise<void> {
  await Promise.resolve();
  replay.state = 'RUNNING';
  try {
    const archive = archiveByArn(ctx, replay.eventSourceArn);
    const bus = ctx.state.bus(replay.destination.Arn);
    const window = archive.events
      .filter((e) => {
        const time = Date.parse(e.event.time);
        return time >= replay.eventStartTime && time <= replay.eventEndTime;
      })
      .sort((a, b) => Date.parse(a.event.time) - Date.parse(b.event.time));
    for (const archived of window) {
      await routeEvent(ctx, bus, { ...archived.event, 'replay-name': replay.name }, {
        ingestedAt: ctx.now(),
        replay: true,
        ...compact({ filterArns: replay.destination.FilterArns }),
      });
      replay.eventLastReplayedTime = Date.parse(archived.event.time);
    }
    replay.state = 'COMPLETED';
  } catch {
    replay.state = 'FAILED';
  }
  replay.replayEndTime = ctx.now();
}

/** DescribeReplay. */
export function describeReplay(ctx: OperationContext, input: Input): Record<string, unknown> {
  const name = requireString(input, 'ReplayName');
  const replay = ctx.state.replays.get(name);
  if (replay === undefined) {
    throw new ResourceNotFoundError(`Replay ${name} does not exist.`);
  }
  return compact({
    ReplayName: replay.name,
    ReplayArn: replay.arn,
    Description: replay.description,
    State: replay.state,
    EventSourceArn: replay.eventSourceArn,
    Destination: replay.destination,
    EventStartTime: seconds(replay.eventStartTime),
    EventEndTime: seconds(replay.eventEndTime),
    EventLastReplayedTime: seconds(replay.eventLastReplayedTime),
    ReplayStartTime: seconds(replay.replayStartTime),
    ReplayEndTime: seconds(replay.replayEndTime),
  });
}
