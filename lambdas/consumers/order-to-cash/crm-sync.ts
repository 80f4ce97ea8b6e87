import type { ConsumerEvent } from '../kit/index.js';
import { defineOrderConsumer } from './defineOrderConsumer.js';
import type { ShopifyOrder } from './types.js';

/** The contact upsert a CRM needs from a new order. */
export interface CrmContact {
  readonly externalId: string | null;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly phone: string | null;
  readonly shop: string | null;
  readonly lastOrder: { readonly id: string; readonly name: string | null; readonly total: string; readonly currency: string; readonly at: string | null };
}

/** Maps an order to the CRM contact of its buyer (guest checkouts have no customer id). */
export const toCrmContact = (order: ShopifyOrder, event?: ConsumerEvent<ShopifyOrder>): CrmContact => {
  const customer = order.customer ?? undefined;
  return {
    externalId: customer ? `shopify:${customer.id}` : null,
    email: customer?.email ?? order.email ?? order.contact_email ?? null,
    firstName: customer?.first_name ?? order.billing_address?.first_name ?? null,
    lastName: customer?.last_name ?? order.billing_address?.last_name ?? null,
    phone: customer?.phone ?? order.phone ?? null,
    shop: event?.vendorheaders?.['x-shopify-shop-domain'] ?? null,
    lastOrder: {
      id: String(order.id),
      name: order.name ?? null,
      total: order.total_price,
      currency: order.currency,
      at: order.created_at ?? null,
    },
  };
};

/** crm-sync: upserts the buyer as a CRM contact. */
export const handler = defineOrderConsumer('crm-sync', toCrmContact);
