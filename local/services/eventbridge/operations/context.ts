import type { EventBridgeState } from '../EventBridgeState.js';
import type { TargetDispatcher } from '../TargetDispatcher.js';
import type { ArchivedEventMutation } from '../types.js';

/** What every operation works with. */
export interface OperationContext {
  readonly state: EventBridgeState;
  readonly dispatcher: TargetDispatcher;
  /** Clock, epoch ms. */
  readonly now: () => number;
  /** Fault switches of the local runtime. */
  readonly faults: { putEventsFailingUntil: number };
  /** Told of every event archived, for journaling. */
  readonly onArchived?: (mutation: ArchivedEventMutation) => void;
  /** Background work (replays) still running. */
  readonly background: Set<Promise<unknown>>;
}

/** A request body as parsed JSON. */
export type Input = Readonly<Record<string, unknown>>;
