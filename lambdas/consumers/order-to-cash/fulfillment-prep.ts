import { defineOrderConsumer } from './defineOrderConsumer.js';
import type { ShopifyOrder } from './types.js';

/** A pick-and-ship request for the warehouse. */
export interface FulfillmentRequest {
  readonly orderId: string;
  readonly orderName: string | null;
  readonly lines: readonly { readonly sku: string | null; readonly variantId: string | null; readonly title: string; readonly quantity: number; readonly grams: number }[];
  readonly shipTo: {
    readonly name: string | null;
    readonly company: string | null;
    readonly address1: string | null;
    readonly address2: string | null;
    readonly city: string | null;
    readonly provinceCode: string | null;
    readonly zip: string | null;
    readonly countryCode: string | null;
    readonly phone: string | null;
  } | null;
  readonly shippingMethod: string | null;
}

/** Maps an order to what the warehouse ships: physical lines only, and the shipping address. */
export const toFulfillmentRequest = (order: ShopifyOrder): FulfillmentRequest => {
  const address = order.shipping_address ?? null;
  const method = order.shipping_lines?.[0];
  return {
    orderId: String(order.id),
    orderName: order.name ?? null,
    lines: order.line_items
      .filter((item) => item.requires_shipping !== false)
      .map((item) => ({
        sku: item.sku ?? null,
        variantId: item.variant_id == null ? null : String(item.variant_id),
        title: item.title,
        quantity: item.quantity,
        grams: item.grams ?? 0,
      })),
    shipTo: address && {
      name: address.name ?? ([address.first_name, address.last_name].filter(Boolean).join(' ') || null),
      company: address.company ?? null,
      address1: address.address1 ?? null,
      address2: address.address2 ?? null,
      city: address.city ?? null,
      provinceCode: address.province_code ?? null,
      zip: address.zip ?? null,
      countryCode: address.country_code ?? null,
      phone: address.phone ?? null,
    },
    shippingMethod: method?.code ?? method?.title ?? null,
  };
};

/** fulfillment-prep: sends the warehouse a pick-and-ship request. */
export const handler = defineOrderConsumer('fulfillment-prep', toFulfillmentRequest);
