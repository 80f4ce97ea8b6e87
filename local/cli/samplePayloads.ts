import { randomBytes, randomUUID } from 'node:crypto';

/** A test delivery before signing. */
export interface SamplePayload {
  readonly body: Buffer;
  readonly contentType: string;
  /** The event type: sent in a header (GitHub, Shopify, generic) or already inside the body. */
  readonly type: string;
  /** The delivery id: sent in a header, or already inside the body (Stripe, Slack). */
  readonly id: string;
}

/** Inputs every sample is built from, so a test can pin them. */
export interface SampleContext {
  /** Unix seconds of the delivery. */
  readonly now: number;
  /** The type asked for with `--type`; each scheme has its own default. */
  readonly type?: string;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Default event type of each scheme, what `hookbridge send <source>` sends without `--type`. */
export const DEFAULT_TYPES: Readonly<Record<string, string>> = {
  shopify: 'orders/create',
  github: 'push',
  stripe: 'payment_intent.succeeded',
  slack: 'app_mention',
  standard: 'invoice.paid',
  twilio: 'delivered',
  generic: 'order.created',
};

/**
 * A realistic test delivery for `scheme`, shaped like the vendor's own (trimmed) examples, with
 * fresh ids so the idempotency layer never swallows a repeated `send`.
 * @see https://shopify.dev/docs/api/webhooks?reference=toml#list-orders-create
 * @see https://docs.github.com/en/webhooks/webhook-events-and-payloads#push
 * @see https://docs.stripe.com/api/events/object
 * @see https://api.slack.com/apis/events-api#callback-field
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#payload-structure
 * @see https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
 */
export function samplePayload(scheme: string, context: SampleContext): SamplePayload {
  const type = context.type ?? DEFAULT_TYPES[scheme] ?? DEFAULT_TYPES.generic!;
  const iso = new Date(context.now * 1000).toISOString();
  switch (scheme) {
    case 'shopify':
      return json(shopifyOrder(context.now, iso), type, randomUUID());
    case 'github':
      return json(type === 'push' ? githubPush(context.now) : { zen: 'Keep it logically awesome.', hook_id: 1, sender: GITHUB_SENDER }, type, randomUUID());
    case 'stripe': {
      const id = `evt_${token(24)}`;
      return json(stripeEvent(id, type, context.now), type, id);
    }
    case 'slack': {
      if (type === 'url_verification') {
        return json({ token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge: token(40), type }, type, '');
      }
      const id = `Ev${token(10).toUpperCase()}`;
      return json(slackEventCallback(id, type, context.now), type, id);
    }
    case 'standard': {
      const id = `msg_${token(27)}`;
      return json({ type, timestamp: iso, data: standardData(type, iso) }, type, id);
    }
    case 'twilio':
      return twilioStatus(type);
    default:
      return json({ id: randomUUID(), type, occurred_at: iso, data: { order_id: 'ORD-1001', total: '59.90', currency: 'EUR' } }, type, randomUUID());
  }
}

function json(value: unknown, type: string, id: string): SamplePayload {
  return { body: Buffer.from(JSON.stringify(value, null, 2)), contentType: JSON_TYPE, type, id };
}

function token(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);
}

function shopifyOrder(now: number, iso: string): unknown {
  const id = 5_000_000_000_000 + (now % 1_000_000_000);
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: '#1001',
    order_number: 1001,
    email: 'jon@example.com',
    created_at: iso,
    currency: 'USD',
    financial_status: 'paid',
    fulfillment_status: null,
    subtotal_price: '398.00',
    total_tax: '0.00',
    total_price: '408.00',
    customer: { id: 207119551, email: 'jon@example.com', first_name: 'Jon', last_name: 'Snow' },
    shipping_address: { name: 'Jon Snow', address1: '123 Amoebobacterieae St', city: 'Ottawa', province_code: 'ON', country_code: 'CA', zip: 'K2P0V6' },
    line_items: [
      { id: 466157049, product_id: 632910392, variant_id: 808950810, sku: 'IPOD2008PINK', title: 'IPod Nano - 8GB', quantity: 1, price: '199.00' },
      { id: 518995019, product_id: 632910392, variant_id: 808950811, sku: 'IPOD2008BLACK', title: 'IPod Nano - 8GB', quantity: 1, price: '199.00' },
    ],
    shipping_lines: [{ title: 'Generic Shipping', price: '10.00' }],
  };
}

const GITHUB_SENDER = { login: 'octocat', id: 1, type: 'User' };

function githubPush(now: number): unknown {
  const after = randomBytes(20).toString('hex');
  return {
    ref: 'refs/heads/main',
    before: randomBytes(20).toString('hex'),
    after,
    created: false,
    deleted: false,
    forced: false,
    compare: `https://github.com/octo-org/octo-repo/compare/${after.slice(0, 12)}`,
    commits: [
      {
        id: after,
        message: 'Update README.md',
        timestamp: new Date(now * 1000).toISOString(),
        author: { name: 'Mona Octocat', email: 'mona@github.com', username: 'mona' },
        added: [],
        removed: [],
        modified: ['README.md'],
      },
    ],
    repository: { id: 186853002, name: 'octo-repo', full_name: 'octo-org/octo-repo', private: false, default_branch: 'main' },
    pusher: { name: 'mona', email: 'mona@github.com' },
    sender: GITHUB_SENDER,
  };
}

function stripeEvent(id: string, type: string, now: number): unknown {
  const object =
    type.startsWith('payment_intent.')
      ? {
          id: `pi_${token(24)}`,
          object: 'payment_intent',
          amount: 2000,
          amount_received: type === 'payment_intent.succeeded' ? 2000 : 0,
          currency: 'usd',
          customer: `cus_${token(14)}`,
          status: type === 'payment_intent.succeeded' ? 'succeeded' : 'requires_payment_method',
          created: now - 5,
          livemode: false,
          metadata: { order_id: '1001' },
        }
      : { id: `obj_${token(14)}`, object: type.split('.')[0], created: now - 5, livemode: false };
  return {
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: now,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

function slackEventCallback(id: string, type: string, now: number): unknown {
  return {
    token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event: { type, user: 'U061F7AUR', text: '<@U0LAN0Z89> is it everything a river should be?', ts: `${now}.000200`, channel: 'C0LAN2Q65', event_ts: `${now}.000200` },
    type: 'event_callback',
    event_id: id,
    event_time: now,
    authorizations: [{ enterprise_id: null, team_id: 'T0001', user_id: 'U0LAN0Z89', is_bot: true }],
  };
}

function standardData(type: string, iso: string): unknown {
  if (type.startsWith('invoice.')) {
    return { id: `inv_${token(14)}`, customer_id: `cus_${token(14)}`, amount_due: 4999, amount_paid: 4999, currency: 'EUR', status: 'paid', paid_at: iso };
  }
  return { id: `obj_${token(14)}`, created_at: iso };
}

/** A message status callback, the form body Twilio posts to a StatusCallback URL. */
function twilioStatus(status: string): SamplePayload {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const fields = new URLSearchParams({
    ApiVersion: '2010-04-01',
    AccountSid: `AC${randomBytes(16).toString('hex')}`,
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
    From: '+15017122661',
    To: '+15558675310',
  });
  return { body: Buffer.from(fields.toString()), contentType: FORM_TYPE, type: status, id: randomUUID() };
}
