import { defineConsumer } from '../kit/index.js';
import type { ConsumerEvent, ConsumerHandler, DefineConsumerOptions } from '../kit/index.js';
import { ORDERS_CREATE } from './constants.js';
import { callDownstream } from './downstream.js';
import { InvalidOrderError } from './errors.js';
import type { ShopifyOrder } from './types.js';

const isOrder = (data: unknown): data is ShopifyOrder =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as ShopifyOrder).id === 'number' &&
  Array.isArray((data as ShopifyOrder).line_items) &&
  typeof (data as ShopifyOrder).total_price === 'string';

/**
 * An order-to-cash consumer: takes Shopify `orders/create` envelopes, maps the order to what
 * `system` needs with `map`, and calls the downstream adapter with `source#id` as the
 * idempotency key. Other event types are acknowledged and skipped (the rule should not send them).
 *
 * @param system - the consumer's name toward its downstream (e.g. `crm-sync`)
 */
export const defineOrderConsumer = <T>(
  system: string,
  map: (order: ShopifyOrder, event: ConsumerEvent<ShopifyOrder>) => T,
  options?: DefineConsumerOptions,
): ConsumerHandler =>
  defineConsumer<ShopifyOrder>(async (event, context) => {
    if (event.type !== ORDERS_CREATE) {
      context.logger.info('event type not handled; skipped', { type: event.type });
      return { skipped: event.type };
    }
    if (!isOrder(event.data)) {
      throw new InvalidOrderError(event.id, `event ${event.id} is ${ORDERS_CREATE} but its data is not a Shopify order`);
    }
    return callDownstream(
      { consumer: system, idempotencyKey: `${event.source}#${event.id}`, payload: map(event.data, event) },
      { logger: context.logger },
    );
  }, options);
