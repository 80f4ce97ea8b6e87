/** The downstream HTTP endpoint of an order-to-cash consumer; unset → calls are only logged. */
export const DOWNSTREAM_URL_ENV = 'HOOKBRIDGE_DOWNSTREAM_URL';

/**
 * How long one downstream call may take. Short against the function timeout, so a hanging
 * downstream fails the record (retried with backoff) rather than the whole batch.
 */
export const DOWNSTREAM_TIMEOUT_MS = 10_000;

/** The Shopify topic the order-to-cash consumers act on. */
export const ORDERS_CREATE = 'orders/create';
