export { EventBridgeService, type EventBridgeServiceOptions } from './EventBridgeService.js';
export { createRequestListener } from './createRequestListener.js';
export { computeEntrySize } from './entrySize.js';
export { MAX_ENTRY_BYTES } from './constants.js';
export {
  EventBridgeServiceError,
  InternalError,
  ResourceAlreadyExistsError,
  ResourceNotFoundError,
  ValidationError,
} from './errors.js';
export { EventPattern, InvalidEventPatternError } from './pattern/index.js';
export type { ArchivedEventMutation, DeliverFn, DeliveryMeta, DeliveryMetrics, EventBridgeSnapshot, EventEnvelope, WireResponse } from './types.js';
