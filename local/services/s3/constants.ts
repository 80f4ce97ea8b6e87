/** Checksum algorithms S3 accepts, by the suffix of their `x-amz-checksum-<alg>` header. */
export const CHECKSUM_ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;

/**
 * S3 encrypts every new object with SSE-S3 unless told otherwise, and says so in
 * `x-amz-server-side-encryption`.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 */
export const DEFAULT_SERVER_SIDE_ENCRYPTION = 'AES256';

/** Prefix of user metadata headers. */
export const METADATA_PREFIX = 'x-amz-meta-';

/** The S3 XML namespace of response documents. */
export const S3_XML_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
