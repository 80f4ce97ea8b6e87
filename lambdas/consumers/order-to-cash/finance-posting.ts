import { defineOrderConsumer } from './defineOrderConsumer.js';
import type { ShopifyOrder } from './types.js';

/** A sales posting for the ledger; amounts stay decimal strings in the order's currency. */
export interface FinancePosting {
  readonly orderId: string;
  readonly orderName: string | null;
  readonly postingDate: string | null;
  readonly currency: string;
  readonly subtotal: string;
  readonly discounts: string;
  readonly shipping: string;
  readonly tax: string;
  readonly total: string;
  readonly taxesIncluded: boolean;
  readonly taxLines: readonly { readonly title: string; readonly rate: number; readonly amount: string }[];
  readonly financialStatus: string | null;
}

/** Maps an order to the ledger posting: totals, currency and tax breakdown. */
export const toFinancePosting = (order: ShopifyOrder): FinancePosting => ({
  orderId: String(order.id),
  orderName: order.name ?? null,
  postingDate: (order.processed_at ?? order.created_at)?.slice(0, 10) ?? null,
  currency: order.currency,
  subtotal: order.subtotal_price ?? order.total_price,
  discounts: order.total_discounts ?? '0.00',
  shipping: order.total_shipping_price_set?.shop_money.amount ?? '0.00',
  tax: order.total_tax ?? '0.00',
  total: order.total_price,
  taxesIncluded: order.taxes_included ?? false,
  taxLines: (order.tax_lines ?? []).map((line) => ({ title: line.title, rate: line.rate, amount: line.price })),
  financialStatus: order.financial_status ?? null,
});

/** finance-posting: posts the sale to the ledger. */
export const handler = defineOrderConsumer('finance-posting', toFinancePosting);
