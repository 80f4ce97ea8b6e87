export { computeChecksum, crc32Base64, md5Hex } from './checksums.js';
export { DEFAULT_SERVER_SIDE_ENCRYPTION } from './constants.js';
export { type DecodedChunkedBody, decodeAwsChunked } from './decodeAwsChunked.js';
export { BadDigestError, IncompleteBodyError, NoSuchBucketError, NoSuchKeyError, S3Error } from './errors.js';
export { handleS3Request, type S3WireRequest, type S3WireResponse } from './handleS3Request.js';
export { S3Service } from './S3Service.js';
export { escapeXml, s3ErrorXml, s3RequestIds } from './xml.js';
export type { PutObjectInput, S3Mutation, S3ServiceOptions, S3State, SerializedObject, StoredObject } from './types.js';
