import { randomInt, randomUUID } from 'node:crypto';
import {
  ARN_SUFFIX_ALPHABET,
  AWSCURRENT,
  AWSPREVIOUS,
  DEPRECATED_VERSION_MIN_AGE_MS,
  MAX_VERSIONS,
} from './constants.js';
import { InvalidParameterError, InvalidRequestError, ResourceExistsError, ResourceNotFoundError } from './errors.js';
import { generateSecretString } from './generateSecretString.js';
import { handleSecretsRequest, type SecretsWireRequest, type SecretsWireResponse } from './handleSecretsRequest.js';
import type {
  CreateSecretInput,
  GetSecretValueInput,
  PutSecretValueInput,
  SecretsMutation,
  SecretsServiceOptions,
  SecretsState,
  SecretValue,
  StoredSecret,
  StoredSecretVersion,
} from './types.js';

const NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

const randomSuffix = (): string =>
  Array.from({ length: 6 }, () => ARN_SUFFIX_ALPHABET[randomInt(ARN_SUFFIX_ALPHABET.length)]).join('');

const clone = <T>(value: T): T => structuredClone(value);

/**
 * An in-memory Secrets Manager: secrets with versions and staging labels (AWSCURRENT, AWSPREVIOUS,
 * any custom label), reachable by name, full ARN or partial ARN (the ARN without its `-xxxxxx`
 * suffix). Programmatic methods for the runtime, {@link SecretsService.handle} for the AWS JSON 1.1
 * wire, `snapshot()`/`restore()` and an `onMutation` hook whose records
 * {@link SecretsService.applyMutation} replays.
 *
 * Not emulated: deletion and restore, rotation with a Lambda, replication, resource policies,
 * KMS encryption (KmsKeyId is stored and echoed only), LastAccessedDate.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Operations.html
 */
export class SecretsService {
  public readonly accountId: string;
  public readonly region: string;
  private readonly now: () => number;
  private readonly onMutation?: (mutation: SecretsMutation) => void;
  private secrets = new Map<string, StoredSecret>();

  public constructor(options: SecretsServiceOptions = {}) {
    this.accountId = options.accountId ?? '000000000000';
    this.region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
    this.now = options.now ?? Date.now;
    this.onMutation = options.onMutation;
  }

  /** Answers one AWS JSON 1.1 request (`X-Amz-Target: secretsmanager.<Op>`). */
  public handle(request: SecretsWireRequest, body: Buffer): Promise<SecretsWireResponse> {
    return Promise.resolve(handleSecretsRequest(this, request, body));
  }

  /** The full ARN of a secret named by name, full ARN or partial ARN; `undefined` if none. */
  public resolveArn(secretId: string): string | undefined {
    return this.find(secretId)?.arn;
  }

  /**
   * Creates a secret; with a value (given or generated) its first version gets AWSCURRENT.
   *
   * @throws ResourceExistsError if a secret of that name exists
   * @throws InvalidParameterError if the name is invalid or both a string and a binary are given
   */
  public createSecret(input: CreateSecretInput): { arn: string; name: string; versionId?: string } {
    if (!NAME_PATTERN.test(input.name)) {
      throw new InvalidParameterError(`Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@! (given ${JSON.stringify(input.name)})`);
    }
    if ([...this.secrets.values()].some((s) => s.name === input.name)) {
      throw new ResourceExistsError(`The operation failed because the secret ${input.name} already exists.`);
    }
    const given = [input.secretString, input.secretBinary, input.generateSecretString].filter((v) => v !== undefined);
    if (given.length > 1) {
      throw new InvalidParameterError('You must provide either SecretString or SecretBinary (or a generated value), not more than one.');
    }
    const secretString = input.generateSecretString ? generateSecretString(input.generateSecretString) : input.secretString;
    const hasValue = secretString !== undefined || input.secretBinary !== undefined;
    const arn = input.arn ?? `arn:aws:secretsmanager:${this.region}:${this.accountId}:secret:${input.name}-${randomSuffix()}`;
    const mutation: SecretsMutation = {
      type: 'createSecret',
      arn,
      name: input.name,
      description: input.description,
      kmsKeyId: input.kmsKeyId,
      tags: input.tags ?? [],
      at: this.now(),
      version: hasValue
        ? { versionId: input.clientRequestToken ?? randomUUID(), secretString, secretBinary: input.secretBinary }
        : undefined,
    };
    this.record(mutation);
    return { arn, name: input.name, versionId: mutation.version?.versionId };
  }

  /**
   * Adds a version. Without `versionStages` the new version takes AWSCURRENT; when AWSCURRENT moves,
   * the version it left takes AWSPREVIOUS, and a version left with no label is deprecated. The first
   * version of a secret always gets AWSCURRENT. A repeated `clientRequestToken` with the same value is
   * a no-op.
   *
   * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html
   * @throws ResourceNotFoundError if the secret does not exist
   * @throws ResourceExistsError if the token names a version with another value
   * @throws InvalidParameterError unless exactly one of secretString / secretBinary is given
   */
  public putSecretValue(input: PutSecretValueInput): { arn: string; name: string; versionId: string; versionStages: string[] } {
    const secret = this.require(input.secretId);
    if ((input.secretString === undefined) === (input.secretBinary === undefined)) {
      throw new InvalidParameterError('You must provide either SecretString or SecretBinary.');
    }
    const versionId = input.clientRequestToken ?? randomUUID();
    const existing = secret.versions.find((v) => v.versionId === versionId);
    if (existing) {
      if (existing.secretString === input.secretString && existing.secretBinary === input.secretBinary) {
        return { arn: secret.arn, name: secret.name, versionId, versionStages: [...existing.stages] };
      }
      throw new ResourceExistsError(`A version with VersionId ${versionId} already exists with a different value. You can't modify an existing version, you can only create a new version.`);
    }
    const stages = [...new Set(input.versionStages ?? [AWSCURRENT])];
    if (secret.versions.length === 0 && !stages.includes(AWSCURRENT)) stages.push(AWSCURRENT);
    this.record({
      type: 'putSecretValue',
      arn: secret.arn,
      versionId,
      secretString: input.secretString,
      secretBinary: input.secretBinary,
      stages,
      at: this.now(),
    });
    return { arn: secret.arn, name: secret.name, versionId, versionStages: stages };
  }

  /**
   * The value of one version: by `versionId`, by `versionStage`, or AWSCURRENT.
   *
   * @throws ResourceNotFoundError if the secret, the version or the label does not exist
   */
  public getSecretValue(input: GetSecretValueInput): SecretValue {
    const secret = this.require(input.secretId);
    let version: StoredSecretVersion | undefined;
    if (input.versionId !== undefined) {
      version = secret.versions.find((v) => v.versionId === input.versionId);
      if (!version || (input.versionStage !== undefined && !version.stages.includes(input.versionStage))) {
        throw new ResourceNotFoundError(`Secrets Manager can't find the specified secret value for VersionId: ${input.versionId}`);
      }
    } else {
      const stage = input.versionStage ?? AWSCURRENT;
      version = secret.versions.find((v) => v.stages.includes(stage));
      if (!version) {
        throw new ResourceNotFoundError(`Secrets Manager can't find the specified secret value for staging label: ${stage}`);
      }
    }
    return {
      arn: secret.arn,
      name: secret.name,
      versionId: version.versionId,
      secretString: version.secretString,
      secretBinary: version.secretBinary,
      versionStages: [...version.stages],
      createdAt: version.createdAt,
    };
  }

  /**
   * Moves (or removes) one staging label, as rotation does. Moving AWSCURRENT gives AWSPREVIOUS to
   * the version it left.
   *
   * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html
   * @throws ResourceNotFoundError if the secret or a named version does not exist
   * @throws InvalidParameterError if the label sits on another version than `removeFromVersionId`
   */
  public updateSecretVersionStage(input: {
    readonly secretId: string;
    readonly versionStage: string;
    readonly moveToVersionId?: string;
    readonly removeFromVersionId?: string;
  }): { arn: string; name: string } {
    const secret = this.require(input.secretId);
    for (const id of [input.moveToVersionId, input.removeFromVersionId]) {
      if (id !== undefined && !secret.versions.some((v) => v.versionId === id)) {
        throw new ResourceNotFoundError(`Secrets Manager can't find the specified secret value for VersionId: ${id}`);
      }
    }
    const holder = secret.versions.find((v) => v.stages.includes(input.versionStage));
    if (holder && holder.versionId !== input.moveToVersionId && holder.versionId !== input.removeFromVersionId) {
      throw new InvalidParameterError(`The staging label ${input.versionStage} is currently attached to version ${holder.versionId}, so you must explicitly reference that version in RemoveFromVersionId.`);
    }
    if (input.removeFromVersionId !== undefined && holder?.versionId !== input.removeFromVersionId) {
      throw new InvalidParameterError(`The staging label ${input.versionStage} is not attached to version ${input.removeFromVersionId}.`);
    }
    if (input.versionStage === AWSCURRENT && input.moveToVersionId === undefined) {
      throw new InvalidRequestError('You can only move the staging label AWSCURRENT to another version; it cannot be removed.');
    }
    this.record({
      type: 'updateSecretVersionStage',
      arn: secret.arn,
      stage: input.versionStage,
      moveToVersionId: input.moveToVersionId,
      removeFromVersionId: input.removeFromVersionId,
      at: this.now(),
    });
    return { arn: secret.arn, name: secret.name };
  }

  /**
   * The secret's metadata and `VersionIdsToStages` (labelled versions only, as on AWS).
   *
   * @throws ResourceNotFoundError if the secret does not exist
   */
  public describeSecret(secretId: string): {
    arn: string;
    name: string;
    description?: string;
    kmsKeyId?: string;
    createdAt: number;
    lastChangedAt: number;
    tags: ReadonlyArray<{ readonly Key: string; readonly Value: string }>;
    versionIdsToStages: Record<string, string[]>;
  } {
    const secret = this.require(secretId);
    return {
      arn: secret.arn,
      name: secret.name,
      description: secret.description,
      kmsKeyId: secret.kmsKeyId,
      createdAt: secret.createdAt,
      lastChangedAt: secret.lastChangedAt,
      tags: clone(secret.tags),
      versionIdsToStages: Object.fromEntries(
        secret.versions.filter((v) => v.stages.length > 0).map((v) => [v.versionId, [...v.stages]]),
      ),
    };
  }

  /**
   * The secret's versions, newest first; deprecated ones (no label) only with `includeDeprecated`.
   *
   * @throws ResourceNotFoundError if the secret does not exist
   */
  public listSecretVersionIds(
    secretId: string,
    includeDeprecated = false,
  ): { arn: string; name: string; versions: Array<{ versionId: string; versionStages: string[]; createdAt: number }> } {
    const secret = this.require(secretId);
    const versions = secret.versions
      .filter((v) => includeDeprecated || v.stages.length > 0)
      .map((v) => ({ versionId: v.versionId, versionStages: [...v.stages], createdAt: v.createdAt }))
      .reverse();
    return { arn: secret.arn, name: secret.name, versions };
  }

  /** Every secret, for the runtime's state view. */
  public listSecrets(): Array<{ arn: string; name: string; versionCount: number }> {
    return [...this.secrets.values()].map((s) => ({ arn: s.arn, name: s.name, versionCount: s.versions.length }));
  }

  /** A deep copy of the whole state, JSON-serializable. */
  public snapshot(): SecretsState {
    return { secrets: clone([...this.secrets.values()]) };
  }

  /** Replaces the whole state with a snapshot. */
  public restore(state: SecretsState): void {
    this.secrets = new Map(clone(state.secrets).map((s) => [s.arn, s]));
  }

  /** Replays one recorded mutation (journal replay); does not call `onMutation`. */
  public applyMutation(mutation: SecretsMutation): void {
    switch (mutation.type) {
      case 'createSecret': {
        const secret: StoredSecret = {
          arn: mutation.arn,
          name: mutation.name,
          description: mutation.description,
          kmsKeyId: mutation.kmsKeyId,
          tags: clone(mutation.tags),
          createdAt: mutation.at,
          lastChangedAt: mutation.at,
          versions: [],
        };
        if (mutation.version) secret.versions.push({ ...mutation.version, createdAt: mutation.at, stages: [AWSCURRENT] });
        this.secrets.set(secret.arn, secret);
        return;
      }
      case 'putSecretValue': {
        const secret = this.requireArn(mutation.arn);
        secret.versions.push({
          versionId: mutation.versionId,
          secretString: mutation.secretString,
          secretBinary: mutation.secretBinary,
          createdAt: mutation.at,
          stages: [],
        });
        for (const stage of mutation.stages) this.moveLabel(secret, stage, mutation.versionId);
        secret.lastChangedAt = mutation.at;
        this.prune(secret, mutation.at);
        return;
      }
      case 'updateSecretVersionStage': {
        const secret = this.requireArn(mutation.arn);
        this.moveLabel(secret, mutation.stage, mutation.moveToVersionId);
        secret.lastChangedAt = mutation.at;
      }
    }
  }

  /** Takes `stage` off whichever version holds it and gives it to `toVersionId` (if any). */
  private moveLabel(secret: StoredSecret, stage: string, toVersionId: string | undefined): void {
    const from = secret.versions.find((v) => v.stages.includes(stage));
    if (from && from.versionId === toVersionId) return;
    if (from) from.stages = from.stages.filter((s) => s !== stage);
    const to = toVersionId === undefined ? undefined : secret.versions.find((v) => v.versionId === toVersionId);
    if (to) to.stages.push(stage);
    if (stage === AWSCURRENT && from && to) this.moveLabel(secret, AWSPREVIOUS, from.versionId);
  }

  private prune(secret: StoredSecret, at: number): void {
    let excess = secret.versions.length - MAX_VERSIONS;
    if (excess <= 0) return;
    secret.versions = secret.versions.filter((v) => {
      if (excess > 0 && v.stages.length === 0 && at - v.createdAt >= DEPRECATED_VERSION_MIN_AGE_MS) {
        excess -= 1;
        return false;
      }
      return true;
    });
  }

  private record(mutation: SecretsMutation): void {
    this.applyMutation(mutation);
    this.onMutation?.(mutation);
  }

  private find(secretId: string): StoredSecret | undefined {
    if (!secretId.startsWith('arn:')) return [...this.secrets.values()].find((s) => s.name === secretId);
    return this.secrets.get(secretId) ?? [...this.secrets.values()].find((s) => s.arn.slice(0, -7) === secretId);
  }

  private require(secretId: string): StoredSecret {
    const secret = this.find(secretId);
    if (!secret) throw new ResourceNotFoundError();
    return secret;
  }

  private requireArn(arn: string): StoredSecret {
    const secret = this.secrets.get(arn);
    if (!secret) throw new ResourceNotFoundError(`cannot replay a mutation of unknown secret ${arn}`);
    return secret;
  }
}
