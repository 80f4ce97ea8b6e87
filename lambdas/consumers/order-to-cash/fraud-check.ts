import { defineOrderConsumer } from './defineOrderConsumer.js';
import type { ShopifyOrder } from './types.js';

/** The inputs a fraud-scoring service takes for a new order. */
export interface FraudCheckRequest {
  readonly orderId: string;
  readonly amount: string;
  readonly currency: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly email: string | null;
  readonly customerOrdersCount: number;
  readonly billingCountry: string | null;
  readonly shippingCountry: string | null;
  /** Billing and shipping countries differ: a classic risk signal. */
  readonly addressMismatch: boolean;
  readonly itemCount: number;
  readonly paymentGateways: readonly string[];
}

/** Maps an order to the fraud check's risk inputs. */
export const toFraudCheckRequest = (order: ShopifyOrder): FraudCheckRequest => {
  const billingCountry = order.billing_address?.country_code ?? null;
  const shippingCountry = order.shipping_address?.country_code ?? null;
  return {
    orderId: String(order.id),
    amount: order.total_price,
    currency: order.currency,
    ip: order.browser_ip ?? order.client_details?.browser_ip ?? null,
    userAgent: order.client_details?.user_agent ?? null,
    email: order.email ?? order.customer?.email ?? null,
    customerOrdersCount: order.customer?.orders_count ?? 0,
    billingCountry,
    shippingCountry,
    addressMismatch: billingCountry !== null && shippingCountry !== null && billingCountry !== shippingCountry,
    itemCount: order.line_items.reduce((sum, item) => sum + item.quantity, 0),
    paymentGateways: order.payment_gateway_names ?? [],
  };
};

/** fraud-check: asks the fraud service to score the order. */
export const handler = defineOrderConsumer('fraud-check', toFraudCheckRequest);
