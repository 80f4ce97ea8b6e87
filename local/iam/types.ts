/**
 * Types of the local IAM evaluator: identity-based policy documents as they appear in a synthesized
 * template (intrinsics already resolved), and the (action, resource) pairs a request needs.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

/** A string or a list of strings, as IAM allows for Action, Resource and their `Not` forms. */
export type StringOrList = string | readonly string[];

/** One policy statement. `Sid`, `Condition` and `Principal` are read but not evaluated. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: StringOrList;
  readonly NotAction?: StringOrList;
  readonly Resource?: StringOrList;
  readonly NotResource?: StringOrList;
  readonly Condition?: Readonly<Record<string, unknown>>;
}

/** A policy document; `Statement` may be a single statement or a list, as IAM accepts both. */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: PolicyStatement | readonly PolicyStatement[];
}

/** What a request asks for: one IAM action on one resource ARN (or `*`). */
export interface AuthorizationCheck {
  /** `service:Operation`, e.g. `dynamodb:PutItem`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string;
}

/**
 * The outcome of evaluating policies for one check. `implicitDeny` is "no statement allows it";
 * `explicitDeny` is "a Deny statement matched", which wins over any Allow.
 */
export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

/** A decision and, for `allow` and `explicitDeny`, the statement that decided it. */
export interface Evaluation {
  readonly decision: Decision;
  readonly statement?: PolicyStatement;
}

/** Where the local account lives; every ARN the mappers build uses it. */
export interface ArnContext {
  /** @default '000000000000' */
  readonly accountId: string;
  /** @default 'us-east-1' */
  readonly region: string;
  /** @default 'aws' */
  readonly partition: string;
}

/** Context the request mappers need beyond the request itself. */
export interface MappingContext extends ArnContext {
  /**
   * Resolves a Secrets Manager `SecretId` (name, full ARN or partial ARN) to the secret's full ARN,
   * or `undefined` when no such secret exists.
   */
  readonly resolveSecretArn?: (secretId: string) => string | undefined;
}
