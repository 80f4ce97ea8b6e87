/** What a delivery makes the soak consumers do. */
export type DeliveryKind = 'plain' | 'flaky' | 'poison';

/** One unique webhook delivery (a vendor delivery id). */
export interface Delivery {
  readonly index: number;
  /** `X-GitHub-Delivery`: the envelope id. */
  readonly id: string;
  readonly kind: DeliveryKind;
  /** `X-GitHub-Event`. */
  readonly type: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One send job: a delivery, first time or repeated. */
export interface SendJob {
  readonly delivery: Delivery;
  /** True for a repeated delivery (the vendor sends the same delivery again). */
  readonly repeat: boolean;
}

/** Settings of one soak run. */
export interface SoakSettings {
  readonly quick: boolean;
  /** Webhooks to send (jobs, repeats included). */
  readonly webhooks: number;
  readonly connections: number;
  readonly outageSeconds: number;
}

/** Counts the soak run reports (and asserts on). */
export interface SoakCounts {
  readonly sent: number;
  readonly uniqueDeliveries: number;
  readonly repeats: number;
  readonly httpRequests: number;
  readonly answered2xx: number;
  readonly answered503: number;
  readonly answeredOther: number;
  readonly connectionErrors: number;
  readonly acceptedUnique: number;
  readonly notAccepted: number;
  readonly eventsOnBus: number;
  readonly auditRows: number;
  readonly effects: Readonly<Record<string, { readonly expected: number; readonly keys: number; readonly effects: number; readonly lost: number; readonly doubled: number; readonly repeatedAcrossKill: number; readonly unexpected: number }>>;
  readonly auditLost: number;
  readonly auditUnexpected: number;
  readonly dlqBeforeRedrive: Readonly<Record<string, number>>;
  readonly dlqAfterRedrive: Readonly<Record<string, number>>;
  readonly replay: { readonly messagesRedelivered: number; readonly effectsChanged: number; readonly auditRowsChanged: number };
  readonly lost: number;
  readonly doubled: number;
  readonly seconds: number;
  /** A few doubled side effects with their times, for the report. */
  readonly doubledSamples: readonly string[];
}
