import { createHash } from 'node:crypto';
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { S3Client } from '@aws-sdk/client-s3';
import { MAX_ENTRY_BYTES } from './constants.js';
import { contentTypeOf, serializeDetail } from './detail.js';
import type { DataRef, EnvelopeHead } from './envelope.js';
import { ErrorCode, PublishFailedError, VerifierError } from './errors.js';
import { putEventsEntrySize } from './entry-size.js';
import type { OutgoingEvent } from './outgoing-event.js';
import { bufferOf } from './raw-bytes.js';
import type { Payload } from './types.js';

/** Settings and injected clients of a {@link Publisher}. */
export interface PublisherOptions {
  readonly eventBridge: EventBridgeClient;
  /**
   * The S3 client, or how to get it when the first claim check needs it (production passes
   * `loadS3Client`, so a cold start that claim-checks nothing never loads the S3 SDK).
   */
  readonly s3: S3Client | (() => Promise<S3Client>);
  readonly eventBusName: string;
  /** Bucket for claim-checked payloads; without it, an entry that does not fit is refused with 413. */
  readonly claimCheckBucket?: string;
  /**
   * Payload bytes above which the payload goes to S3 even when the entry would fit: both
   * EventBridge and SQS bill per 64 KB chunk per hop, so with several consumers a claim check
   * can be cheaper. @default - only entries larger than {@link MAX_ENTRY_BYTES} are claim-checked
   */
  readonly claimCheckThreshold?: number;
}

/** What was published. */
export interface PublishResult {
  readonly entrySize: number;
  readonly dataref?: DataRef;
}

/**
 * Puts one envelope on the bus, claim-checking the payload to S3 when it is too large (or larger
 * than the configured threshold). Clients are injected so tests and the local runtime point them
 * at emulators; they are created once per execution environment by the caller.
 */
export class Publisher {
  readonly #options: PublisherOptions;

  public constructor(options: PublisherOptions) {
    this.#options = options;
  }

  /**
   * Puts `event` on the bus: its inline entry when that fits (and the payload is not above the
   * threshold), otherwise the payload goes to S3 and the entry carries a `dataref` instead.
   *
   * @throws PublishFailedError when S3 or EventBridge fail, or EventBridge rejects the entry
   * @throws VerifierError `payload_too_large` when the entry cannot fit and no bucket is configured
   */
  public async publish(event: OutgoingEvent): Promise<PublishResult> {
    const threshold = this.#options.claimCheckThreshold ?? Number.POSITIVE_INFINITY;
    if (event.entrySize <= MAX_ENTRY_BYTES && event.payloadBytes <= threshold) {
      await this.#put(event.entry);
      return { entrySize: event.entrySize };
    }
    const dataref = await this.#claimCheck(event.head, event.payload, event.payloadBytes);
    const detail = serializeDetail(event.head, dataref);
    const entry: PutEventsRequestEntry = { ...event.entry, Detail: detail.text };
    await this.#put(entry);
    return { entrySize: putEventsEntrySize(entry, detail.bytes), dataref };
  }

  async #claimCheck(head: EnvelopeHead, payload: Payload, size: number): Promise<DataRef> {
    const bucket = this.#options.claimCheckBucket;
    if (!bucket) {
      throw new VerifierError(ErrorCode.PayloadTooLarge, 'payload does not fit one event and no claim-check bucket is configured');
    }
    const sha256 = createHash('sha256').update(payload.bytes).digest('hex');
    // Content-addressed under the source and day: a repeated delivery overwrites the same object,
    // and the key never contains vendor-controlled text.
    const key = `${head.source}/${head.time.slice(0, 10)}/${sha256}`;
    try {
      // Loaded here, not at import: see `s3-client.ts`.
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      const s3 = typeof this.#options.s3 === 'function' ? await this.#options.s3() : this.#options.s3;
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bufferOf(payload.bytes),
          ContentType: contentTypeOf(payload),
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    } catch (error) {
      throw new PublishFailedError('claim-check upload failed', { cause: error });
    }
    return { bucket, key, size, sha256 };
  }

  async #put(entry: PutEventsRequestEntry): Promise<void> {
    let failed: { ErrorCode?: string } | undefined;
    try {
      const entries = [{ ...entry, EventBusName: this.#options.eventBusName }];
      const output = await this.#options.eventBridge.send(new PutEventsCommand({ Entries: entries }));
      if ((output.FailedEntryCount ?? 0) > 0) failed = output.Entries?.[0] ?? {};
    } catch (error) {
      throw new PublishFailedError('PutEvents failed', { cause: error });
    }
    // An entry-level failure is not an SDK error: PutEvents answers 200 and reports it per entry.
    if (failed) throw new PublishFailedError(`EventBridge rejected the event (${failed.ErrorCode ?? 'unknown error'})`);
  }
}
