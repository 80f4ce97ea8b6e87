/**
 * A downstream system refused or did not answer an order-to-cash call. Thrown so the consumer
 * kit retries the event with backoff (and, after maxReceiveCount, parks it in the DLQ).
 */
export class DownstreamError extends Error {
  /** The consumer whose downstream failed. */
  public readonly consumer: string;
  /** The HTTP status, when the downstream answered. */
  public readonly status?: number;

  public constructor(consumer: string, message: string, options?: ErrorOptions & { status?: number }) {
    super(message, options);
    this.name = 'DownstreamError';
    this.consumer = consumer;
    this.status = options?.status;
  }
}

/** An `orders/create` event whose `data` is not an order (no id, line items or total). */
export class InvalidOrderError extends Error {
  public readonly eventId: string;

  public constructor(eventId: string, message: string) {
    super(message);
    this.name = 'InvalidOrderError';
    this.eventId = eventId;
  }
}
