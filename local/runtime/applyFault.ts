import type { EdgeService, FaultInjector } from '../edge/index.js';
import type { EventBridgeService } from '../services/eventbridge/index.js';
import { InvalidFaultRequestError } from './errors.js';

const SERVICES: readonly EdgeService[] = ['sqs', 'events', 'secretsmanager', 'dynamodb', 's3'];
const ACTIONS = ['fail', 'delay', 'clear'] as const;

/** A request of `POST /_local/faults`. */
export interface FaultRequest {
  readonly service: EdgeService;
  readonly action: (typeof ACTIONS)[number];
  /** Length of a `fail` window, or added latency of a `delay`, in milliseconds. */
  readonly ms: number;
}

/**
 * Parses `{"service": "events"|"sqs"|"secretsmanager"|"dynamodb"|"s3", "action": "fail"|"delay"|"clear", "seconds": n | "ms": n}`.
 *
 * @throws InvalidFaultRequestError naming the field to fix
 */
export function parseFaultRequest(body: string): FaultRequest {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    throw new InvalidFaultRequestError('the body must be JSON: {"service": "events", "action": "fail", "seconds": 30}');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidFaultRequestError('the body must be a JSON object: {"service": "events", "action": "fail", "seconds": 30}');
  }
  const { service, action, seconds, ms } = input as Record<string, unknown>;
  if (typeof service !== 'string' || !SERVICES.includes(service as EdgeService)) {
    throw new InvalidFaultRequestError(`service must be one of ${SERVICES.join(', ')} (given ${JSON.stringify(service)})`);
  }
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    throw new InvalidFaultRequestError(`action must be one of ${ACTIONS.join(', ')} (given ${JSON.stringify(action)})`);
  }
  const duration = typeof ms === 'number' ? ms : typeof seconds === 'number' ? seconds * 1000 : undefined;
  if (action !== 'clear' && (duration === undefined || !Number.isFinite(duration) || duration < 0)) {
    throw new InvalidFaultRequestError(`${action} needs a non-negative "seconds" or "ms"`);
  }
  return { service: service as EdgeService, action: action as FaultRequest['action'], ms: duration ?? 0 };
}

/**
 * Applies a fault: a failing EventBridge answers PutEvents with InternalException (so the verifier
 * answers 503 and publishes nothing); other services fail at the edge with their protocol's
 * unavailable error; `delay` adds latency at the edge; `clear` ends both.
 */
export function applyFault(request: FaultRequest, faults: FaultInjector, events: EventBridgeService, now: number = Date.now()): void {
  switch (request.action) {
    case 'fail':
      if (request.service === 'events') events.failPutEventsUntil(now + request.ms);
      else faults.fail(request.service, now + request.ms);
      return;
    case 'delay':
      faults.delay(request.service, request.ms);
      return;
    case 'clear':
      faults.clear(request.service);
      if (request.service === 'events') events.failPutEventsUntil(0);
      return;
  }
}
