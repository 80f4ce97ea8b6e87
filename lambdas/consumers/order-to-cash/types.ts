/**
 * The parts of a Shopify order (`orders/create` webhook payload, Admin REST API shape) the
 * order-to-cash consumers read. Money amounts are decimal strings, as Shopify sends them.
 *
 * @see https://shopify.dev/docs/api/admin-rest/latest/resources/order
 */
export interface ShopifyOrder {
  readonly id: number;
  readonly name?: string;
  readonly order_number?: number;
  readonly email?: string | null;
  readonly contact_email?: string | null;
  readonly phone?: string | null;
  readonly created_at?: string;
  readonly processed_at?: string;
  readonly currency: string;
  readonly presentment_currency?: string;
  readonly total_price: string;
  readonly subtotal_price?: string;
  readonly total_tax?: string;
  readonly total_discounts?: string;
  readonly taxes_included?: boolean;
  readonly financial_status?: string;
  readonly browser_ip?: string | null;
  readonly client_details?: { readonly browser_ip?: string | null; readonly user_agent?: string | null } | null;
  readonly payment_gateway_names?: readonly string[];
  readonly customer?: ShopifyCustomer | null;
  readonly billing_address?: ShopifyAddress | null;
  readonly shipping_address?: ShopifyAddress | null;
  readonly line_items: readonly ShopifyLineItem[];
  readonly shipping_lines?: readonly { readonly code?: string | null; readonly title?: string; readonly price?: string }[];
  readonly tax_lines?: readonly ShopifyTaxLine[];
  readonly total_shipping_price_set?: { readonly shop_money: { readonly amount: string; readonly currency_code: string } };
}

export interface ShopifyCustomer {
  readonly id: number;
  readonly email?: string | null;
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly phone?: string | null;
  readonly orders_count?: number;
  readonly verified_email?: boolean;
  readonly created_at?: string;
}

export interface ShopifyAddress {
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly name?: string | null;
  readonly company?: string | null;
  readonly address1?: string | null;
  readonly address2?: string | null;
  readonly city?: string | null;
  readonly province_code?: string | null;
  readonly zip?: string | null;
  readonly country_code?: string | null;
  readonly phone?: string | null;
}

export interface ShopifyLineItem {
  readonly id: number;
  readonly variant_id?: number | null;
  readonly product_id?: number | null;
  readonly sku?: string | null;
  readonly title: string;
  readonly quantity: number;
  readonly price: string;
  readonly requires_shipping?: boolean;
  readonly grams?: number;
  readonly tax_lines?: readonly ShopifyTaxLine[];
}

export interface ShopifyTaxLine {
  readonly title: string;
  readonly rate: number;
  readonly price: string;
}

/** What the downstream adapter did with one call. */
export type DownstreamOutcome =
  | { readonly mode: 'http'; readonly status: number }
  | { readonly mode: 'recorded' };
