/** The staging label of the version GetSecretValue returns by default. */
export const AWSCURRENT = 'AWSCURRENT';
/** The label Secrets Manager moves to the version AWSCURRENT was taken from. */
export const AWSPREVIOUS = 'AWSPREVIOUS';
/** The label a rotation gives the version it is about to promote. */
export const AWSPENDING = 'AWSPENDING';

/**
 * Secrets Manager keeps at most about 100 versions; beyond that it removes deprecated versions
 * (those without a staging label) that are older than 24 hours.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html
 */
export const MAX_VERSIONS = 100;
/** Deprecated versions younger than this are kept even beyond {@link MAX_VERSIONS}. */
export const DEPRECATED_VERSION_MIN_AGE_MS = 24 * 60 * 60 * 1000;

/** Characters of the random suffix Secrets Manager appends to a secret's ARN. */
export const ARN_SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Punctuation GetRandomPassword (and CloudFormation's GenerateSecretString) may use.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html
 */
export const PASSWORD_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html */
export const DEFAULT_PASSWORD_LENGTH = 32;

/** The JSON protocol's content type for Secrets Manager (awsJson1_1). */
export const JSON_1_1 = 'application/x-amz-json-1.1';

/** The `X-Amz-Target` prefix of Secrets Manager operations. */
export const TARGET_PREFIX = 'secretsmanager.';
