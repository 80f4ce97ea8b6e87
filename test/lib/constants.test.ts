import { describe, expect, it } from 'vitest';
import {
  EVENT_OVERHEAD_BYTES,
  HTTP_API_PAYLOAD_BYTES,
  LAMBDA_SYNC_PAYLOAD_BYTES,
  MAX_BODY_LIMIT_BYTES,
  SQS_MAX_MESSAGE_BYTES,
} from '../../lib/constants.js';

describe('constants', () => {
  it('keeps the largest body, base64-encoded with the event around it, inside one synchronous Lambda invoke', () => {
    const base64 = Math.ceil(MAX_BODY_LIMIT_BYTES / 3) * 4;
    expect(base64 + EVENT_OVERHEAD_BYTES).toBeLessThanOrEqual(LAMBDA_SYNC_PAYLOAD_BYTES);
  });

  it('keeps the largest body within the HTTP API payload quota', () => {
    expect(MAX_BODY_LIMIT_BYTES).toBeLessThanOrEqual(HTTP_API_PAYLOAD_BYTES);
  });

  it('allows 1 MiB SQS messages', () => {
    expect(SQS_MAX_MESSAGE_BYTES).toBe(1_048_576);
  });
});
