import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { serializeDetail } from './detail.js';
import type { EnvelopeHead } from './envelope.js';
import { putEventsEntrySize } from './entry-size.js';
import { byteLengthOf } from './raw-bytes.js';
import type { Payload } from './types.js';

/** An envelope ready to put on the bus, with its payload inline. */
export interface OutgoingEvent {
  readonly head: EnvelopeHead;
  readonly payload: Payload;
  /** Size of the payload in bytes (what a claim check would store). */
  readonly payloadBytes: number;
  /** The PutEvents entry carrying the payload as `data`; `EventBusName` is the publisher's to set. */
  readonly entry: PutEventsRequestEntry;
  /** Its size as EventBridge counts it (see `entry-size.ts`). */
  readonly entrySize: number;
}

/**
 * The PutEvents entry of an envelope with its payload inline, and its size. `payloadBytes` is the
 * payload's size when the caller already knows it (the verifier counted the body for the `413`
 * check), so a large payload is neither copied nor scanned: `Detail` is the head followed by the
 * payload text, and its size is added up from the parts.
 */
export function outgoingEvent(head: EnvelopeHead, payload: Payload, receivedAt: Date, payloadBytes = byteLengthOf(payload.bytes)): OutgoingEvent {
  const detail = serializeDetail(head, payload, payloadBytes);
  const entry: PutEventsRequestEntry = { Source: head.source, DetailType: head.type, Detail: detail.text, Time: receivedAt };
  return { head, payload, payloadBytes, entry, entrySize: putEventsEntrySize(entry, detail.bytes) };
}
