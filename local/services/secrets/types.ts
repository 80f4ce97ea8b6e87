/**
 * State, input and mutation types of the Secrets Manager emulator. State is plain JSON: a snapshot
 * survives `JSON.stringify`, and replaying the mutation records in order rebuilds the same state.
 */

/** One version of a secret. Times are epoch milliseconds. */
export interface StoredSecretVersion {
  readonly versionId: string;
  readonly secretString?: string;
  /** Base64, as the JSON protocol carries it. */
  readonly secretBinary?: string;
  readonly createdAt: number;
  /** Staging labels; a version without any is deprecated. */
  stages: string[];
}

/** One secret. */
export interface StoredSecret {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags: ReadonlyArray<{ readonly Key: string; readonly Value: string }>;
  readonly createdAt: number;
  lastChangedAt: number;
  /** Versions in creation order. */
  versions: StoredSecretVersion[];
}

/** The whole emulator state, as `snapshot()` returns it. */
export interface SecretsState {
  readonly secrets: StoredSecret[];
}

/**
 * Options of local value generation, named as CloudFormation's `GenerateSecretString` (which is
 * what a template's `AWS::SecretsManager::Secret` carries; the API itself has no such parameter).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-secretsmanager-secret-generatesecretstring.html
 */
export interface GenerateSecretStringOptions {
  /** @default 32 */
  readonly PasswordLength?: number;
  /** @default '' */
  readonly ExcludeCharacters?: string;
  /** @default false */
  readonly ExcludeLowercase?: boolean;
  /** @default false */
  readonly ExcludeUppercase?: boolean;
  /** @default false */
  readonly ExcludeNumbers?: boolean;
  /** @default false */
  readonly ExcludePunctuation?: boolean;
  /** @default false */
  readonly IncludeSpace?: boolean;
  /** @default true */
  readonly RequireEachIncludedType?: boolean;
  /** A JSON object the generated value is added to under `GenerateStringKey`. @default - the value alone */
  readonly SecretStringTemplate?: string;
  /** @default - required with SecretStringTemplate */
  readonly GenerateStringKey?: string;
}

/** Input of {@link SecretsService.createSecret}. */
export interface CreateSecretInput {
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly secretString?: string;
  /** Base64. */
  readonly secretBinary?: string;
  /** Local only: generate the value, as CloudFormation's GenerateSecretString does. */
  readonly generateSecretString?: GenerateSecretStringOptions;
  /** The id of the first version. @default - a random UUID */
  readonly clientRequestToken?: string;
  readonly tags?: ReadonlyArray<{ readonly Key: string; readonly Value: string }>;
  /** Local only: the ARN the template already resolved for this secret. @default - name + random suffix */
  readonly arn?: string;
}

/** Input of {@link SecretsService.putSecretValue}. */
export interface PutSecretValueInput {
  readonly secretId: string;
  readonly secretString?: string;
  /** Base64. */
  readonly secretBinary?: string;
  /** The new version's id (idempotency token). @default - a random UUID */
  readonly clientRequestToken?: string;
  /** @default ['AWSCURRENT'] */
  readonly versionStages?: readonly string[];
}

/** Input of {@link SecretsService.getSecretValue}. */
export interface GetSecretValueInput {
  readonly secretId: string;
  readonly versionId?: string;
  /** @default 'AWSCURRENT' when versionId is absent */
  readonly versionStage?: string;
}

/** A secret value as GetSecretValue answers it. */
export interface SecretValue {
  readonly arn: string;
  readonly name: string;
  readonly versionId: string;
  readonly secretString?: string;
  readonly secretBinary?: string;
  readonly versionStages: readonly string[];
  readonly createdAt: number;
}

/** A recorded change; {@link SecretsService.applyMutation} replays it. */
export type SecretsMutation =
  | {
      readonly type: 'createSecret';
      readonly arn: string;
      readonly name: string;
      readonly description?: string;
      readonly kmsKeyId?: string;
      readonly tags: ReadonlyArray<{ readonly Key: string; readonly Value: string }>;
      readonly at: number;
      readonly version?: { readonly versionId: string; readonly secretString?: string; readonly secretBinary?: string };
    }
  | {
      readonly type: 'putSecretValue';
      readonly arn: string;
      readonly versionId: string;
      readonly secretString?: string;
      readonly secretBinary?: string;
      readonly stages: readonly string[];
      readonly at: number;
    }
  | {
      readonly type: 'updateSecretVersionStage';
      readonly arn: string;
      readonly stage: string;
      readonly moveToVersionId?: string;
      readonly removeFromVersionId?: string;
      readonly at: number;
    };

/** Options of {@link SecretsService}. */
export interface SecretsServiceOptions {
  /** @default '000000000000' */
  readonly accountId?: string;
  /** @default - AWS_REGION, else 'us-east-1' */
  readonly region?: string;
  /** Called after every applied change, for journaling. @default - none */
  readonly onMutation?: (mutation: SecretsMutation) => void;
  /** The service clock, epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}
