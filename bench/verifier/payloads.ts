import type { SchemeName } from '../../lambdas/verifier/schemes/index.js';

/**
 * The top-level fields each scheme's `describe` reads (ids and types), in the vendor's shape.
 * Everything else in a body is filler that looks like real webhook JSON.
 */
const HEADS: Readonly<Record<SchemeName, (id: string) => Record<string, unknown>>> = {
  github: () => ({ ref: 'refs/heads/main', before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', repository: { id: 1296269, full_name: 'octocat/Hello-World' } }),
  stripe: (id) => ({ id, object: 'event', type: 'invoice.paid', api_version: '2025-01-27.acacia', created: 1_767_225_600, livemode: false }),
  slack: (id) => ({ type: 'event_callback', event_id: id, team_id: 'T0001', api_app_id: 'A0001', event: { type: 'message', channel: 'C2147483705', user: 'U2147483697', text: 'Hello world', ts: '1355517523.000005' } }),
  shopify: () => ({ id: 450_789_469, name: '#9999', email: 'jon@example.com', currency: 'USD', total_price: '403.00' }),
  standard: (id) => ({ type: 'invoice.paid', timestamp: '2026-01-01T00:00:00Z', id }),
  twilio: (id) => ({ type: 'com.twilio.messaging.message.delivered', id, specversion: '1.0' }),
  generic: (id) => ({ kind: 'order.created', order_id: id }),
};

/** One filler record, shaped like a line item / commit: strings, numbers, booleans, nulls, nesting. */
function record(index: number): Record<string, unknown> {
  return {
    id: 1_000_000 + index,
    sku: `SKU-${(index * 7919) % 100_000}`,
    title: `Item number ${index} with a plain description`,
    quantity: (index % 5) + 1,
    price: ((index * 37) % 10_000 / 100).toFixed(2),
    taxable: index % 2 === 0,
    vendor: index % 3 === 0 ? null : 'Acme Corp',
    properties: [{ name: 'colour', value: ['red', 'green', 'blue'][index % 3] }],
    timestamps: { created_at: '2026-01-01T12:00:00-05:00', updated_at: '2026-01-02T08:30:00-05:00' },
  };
}

/**
 * A JSON body of about `bytes` bytes (within one filler record) carrying the fields `scheme`'s
 * adapter reads. Deterministic, so every run measures the same bytes.
 */
export function jsonBody(scheme: SchemeName, id: string, bytes: number): string {
  const head = HEADS[scheme](id);
  const items: Record<string, unknown>[] = [];
  // Length of the text with n items = empty length + item lengths + (n - 1) commas.
  let length = JSON.stringify({ ...head, items }).length;
  for (;;) {
    const next = record(items.length);
    const added = JSON.stringify(next).length + (items.length > 0 ? 1 : 0);
    if (length + added > bytes) break;
    items.push(next);
    length += added;
  }
  const text = JSON.stringify({ ...head, items });
  return text;
}
