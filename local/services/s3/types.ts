/** One stored object. */
export interface StoredObject {
  readonly key: string;
  readonly body: Buffer;
  /** `"<md5 hex>"`, quotes included, as S3 sends it. */
  readonly etag: string;
  readonly contentType: string;
  readonly contentEncoding?: string;
  /** User metadata, names lower-case without `x-amz-meta-`. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly serverSideEncryption: string;
  readonly sseKmsKeyId?: string;
  /** The full-object checksum: the client's, or CRC32 computed locally. */
  readonly checksum: { readonly algorithm: string; readonly value: string };
  /** Epoch milliseconds. */
  readonly lastModified: number;
}

/** Input of {@link S3Service.putObject}. */
export interface PutObjectInput {
  readonly bucket: string;
  readonly key: string;
  readonly body: Buffer | string;
  /** @default 'binary/octet-stream' (what S3 stores when no Content-Type is sent) */
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** @default 'AES256' */
  readonly serverSideEncryption?: string;
  readonly sseKmsKeyId?: string;
  /** @default - CRC32 of the body */
  readonly checksum?: { readonly algorithm: string; readonly value: string };
}

/** A JSON form of an object (body in base64) for snapshots and mutations. */
export type SerializedObject = Omit<StoredObject, 'body'> & { readonly bodyBase64: string };

/** The whole emulator state, as `snapshot()` returns it. */
export interface S3State {
  readonly buckets: ReadonlyArray<{ readonly name: string; readonly createdAt: number; readonly objects: SerializedObject[] }>;
}

/** A recorded change; {@link S3Service.applyMutation} replays it. */
export type S3Mutation =
  | { readonly type: 'createBucket'; readonly bucket: string; readonly at: number }
  | { readonly type: 'deleteBucket'; readonly bucket: string }
  | { readonly type: 'putObject'; readonly bucket: string; readonly object: SerializedObject }
  | { readonly type: 'deleteObject'; readonly bucket: string; readonly key: string };

/** Options of {@link S3Service}. */
export interface S3ServiceOptions {
  /** @default - AWS_REGION, else 'us-east-1' */
  readonly region?: string;
  /** Called after every applied change, for journaling. @default - none */
  readonly onMutation?: (mutation: S3Mutation) => void;
  /** The service clock, epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}
