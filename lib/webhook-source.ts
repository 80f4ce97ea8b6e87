import { Duration, Token, Validations } from 'aws-cdk-lib';
import type { HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_SECRET_CACHE_SECONDS,
  DEFAULT_TOLERANCE_SECONDS,
  MAX_BODY_LIMIT_BYTES,
  NAME_PATTERN,
  SQS_MAX_MESSAGE_BYTES,
} from './constants.js';
import { HandlerFunction } from './handler-function.js';
import { wildcardResourceFinding } from './nag-findings.js';
import { handlerEntry } from './paths.js';
import { WEBHOOK_SCHEMES, type GenericSchemeOptions, type WebhookScheme } from './types.js';
import { Violations } from './violations.js';
import type { WebhookApi } from './webhook-api.js';

/** Props of {@link WebhookSource}. */
export interface WebhookSourceProps {
  /** The API to add the route `ANY /webhooks/<name>` to. */
  readonly api: WebhookApi;
  /** The bus verified events are published to. */
  readonly eventBus: IEventBus;
  /**
   * The source name: route `/webhooks/<name>`, `HOOKBRIDGE_SOURCE`. Lower-case letters, digits
   * and dashes, starting with a letter, at most 40 characters.
   * @default - the construct id
   */
  readonly name?: string;
  /** The signature scheme of the vendor. */
  readonly scheme: WebhookScheme;
  /**
   * Options of the `generic` scheme (only valid with it).
   * @default - header `X-Signature`, sha256, hex, no prefix
   */
  readonly genericOptions?: GenericSchemeOptions;
  /**
   * Public URL of the route, for schemes that sign it (Twilio). Set it when a custom domain fronts
   * the API, since API Gateway rewrites the host.
   * @default - for `twilio`, the API's URL + `webhooks/<name>`; otherwise derived from each request
   */
  readonly publicUrl?: string;
  /**
   * Bring your own secret. Its value is the signing secret, or a JSON array of active secrets.
   * @default - a new generated secret (put the vendor's signing secret into it after deploy)
   */
  readonly secret?: ISecret;
  /**
   * An existing secret by name (instead of `secret`).
   * @default - see `secret`
   */
  readonly secretName?: string;
  /**
   * An existing secret by complete ARN (instead of `secret`).
   * @default - see `secret`
   */
  readonly secretArn?: string;
  /**
   * How long the verifier caches the secret value.
   * @default Duration.seconds(300)
   */
  readonly secretCacheTtl?: Duration;
  /**
   * Largest accepted body in bytes, counted on bytes received. At most what the HTTP API payload
   * and the synchronous Lambda invoke payload allow once base64-encoded (see `MAX_BODY_LIMIT_BYTES`).
   * @default 1048576
   */
  readonly bodyLimitBytes?: number;
  /**
   * Timestamp window, both past and future, for schemes that sign a timestamp.
   * @default Duration.seconds(300)
   */
  readonly tolerance?: Duration;
  /**
   * EventBridge `Source` of published events.
   * @default 'webhooks.<name>'
   */
  readonly eventSource?: string;
  /**
   * Bucket for payloads over the claim-check threshold.
   * @default - no claim check: payloads that do not fit one entry answer 503
   */
  readonly claimCheckBucket?: IBucket;
  /**
   * Payload bytes above which the payload goes to the claim-check bucket. Lower than the default it
   * can save cost: EventBridge and SQS bill per 64 KB chunk per hop.
   * @default - whatever still fits one PutEvents entry with the envelope (decided by the verifier)
   */
  readonly claimCheckThresholdBytes?: number;
  /**
   * Rate limit of this route (requests per second).
   * @default - the API's stage default
   */
  readonly throttlingRateLimit?: number;
  /**
   * Burst limit of this route.
   * @default - the API's stage default
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Verifier timeout.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Verifier memory in MB.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * `POWERTOOLS_LOG_LEVEL` of the verifier.
   * @default 'INFO'
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * One vendor webhook source: its route on the {@link WebhookApi}, its verifier Lambda and its
 * Secrets Manager secret. The verifier may read the secret, put events on the bus and put objects
 * into the claim-check bucket; nothing else.
 *
 * @example
 * new WebhookSource(this, 'github', { api, eventBus: bus.eventBus, scheme: 'github' });
 */
export class WebhookSource extends Construct {
  /** The source name. */
  public readonly name: string;
  /** The verifier. */
  public readonly verifier: HandlerFunction;
  /** The secret (created or brought). */
  public readonly secret: ISecret;
  /** The route `ANY /webhooks/<name>`. */
  public readonly route: HttpRoute;
  /** The public URL of the route. */
  public readonly url: string;
  /** EventBridge `Source` of this source's events. */
  public readonly eventSource: string;
  /** What the verifier passes to GetSecretValue: the secret ARN, or its name when imported by name. */
  public readonly secretId: string;

  public constructor(scope: Construct, id: string, props: WebhookSourceProps) {
    super(scope, id);
    this.name = props.name ?? id;
    validate(this, this.name, props);

    this.eventSource = props.eventSource ?? `webhooks.${this.name}`;
    this.url = props.api.webhookUrl(this.name);
    this.secret = this.resolveSecret(props);
    this.secretId = props.secretName ?? this.secret.secretArn;

    const environment: Record<string, string> = {
      HOOKBRIDGE_SOURCE: this.name,
      HOOKBRIDGE_SCHEME: props.scheme,
      HOOKBRIDGE_SCHEME_OPTIONS: JSON.stringify(schemeOptions(props)),
      HOOKBRIDGE_EVENT_SOURCE: this.eventSource,
      HOOKBRIDGE_EVENT_BUS_NAME: props.eventBus.eventBusName,
      HOOKBRIDGE_SECRET_ID: this.secretId,
      HOOKBRIDGE_SECRET_CACHE_SECONDS: String(
        (props.secretCacheTtl ?? Duration.seconds(DEFAULT_SECRET_CACHE_SECONDS)).toSeconds(),
      ),
      HOOKBRIDGE_BODY_LIMIT: String(props.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES),
      HOOKBRIDGE_TOLERANCE_SECONDS: String(
        (props.tolerance ?? Duration.seconds(DEFAULT_TOLERANCE_SECONDS)).toSeconds(),
      ),
    };
    const publicUrl = props.publicUrl ?? (props.scheme === 'twilio' ? this.url : undefined);
    if (publicUrl !== undefined) environment.HOOKBRIDGE_PUBLIC_URL = publicUrl;
    if (props.claimCheckBucket) environment.HOOKBRIDGE_CLAIM_CHECK_BUCKET = props.claimCheckBucket.bucketName;
    if (props.claimCheckThresholdBytes !== undefined) {
      environment.HOOKBRIDGE_CLAIM_CHECK_THRESHOLD = String(props.claimCheckThresholdBytes);
    }

    this.verifier = new HandlerFunction(this, 'Verifier', {
      entry: handlerEntry('verifier'),
      serviceName: `hookbridge-verifier-${this.name}`,
      invokedBy: 'API Gateway (synchronously, route ANY /webhooks/' + this.name + ')',
      timeout: props.timeout,
      memorySize: props.memorySize,
      logLevel: props.logLevel,
      environment,
    });

    this.secret.grantRead(this.verifier.role);
    props.eventBus.grantPutEventsTo(this.verifier.role);
    if (props.claimCheckBucket) {
      // Explicit PutObject only (grantPut would add s3:Abort* and object tagging/retention).
      const objects = props.claimCheckBucket.arnForObjects('*');
      this.verifier.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] }));
      props.claimCheckBucket.encryptionKey?.grantEncrypt(this.verifier.role);
      this.verifier.acknowledgePolicyFinding(
        `AwsSolutions-IAM5[${wildcardResourceFinding(this, objects)}]`,
        'The verifier writes one claim-check object per oversized delivery under a key derived ' +
          'from the delivery id, which is unknown at deploy time; the grant is s3:PutObject only, ' +
          'on the claim-check bucket only.',
      );
    }

    this.route = props.api.addSourceRoute(this.name, this.verifier.function, {
      rateLimit: props.throttlingRateLimit,
      burstLimit: props.throttlingBurstLimit,
    });
  }

  private resolveSecret(props: WebhookSourceProps): ISecret {
    if (props.secret) return props.secret;
    if (props.secretName) return Secret.fromSecretNameV2(this, 'Secret', props.secretName);
    if (props.secretArn) return Secret.fromSecretCompleteArn(this, 'Secret', props.secretArn);
    const secret = new Secret(this, 'Secret', {
      description:
        `hookbridge signing secret of webhook source "${this.name}": put the vendor's secret, or a ` +
        'JSON array of active secrets during rotation',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        `The value is the webhook signing secret issued by the ${this.name} vendor; it can only be ` +
        'changed in the vendor, so Secrets Manager rotation cannot rotate it. Rotation is manual and ' +
        'zero-downtime: put a new version holding a JSON array of the new and the old secret, ' +
        'then drop the old one once the SecretIndex metric shows it unused.',
    });
    return secret;
  }
}

function schemeOptions(props: WebhookSourceProps): Record<string, unknown> {
  if (props.scheme !== 'generic') return {};
  const o = props.genericOptions ?? {};
  return {
    header: o.header ?? 'X-Signature',
    algorithm: o.algorithm ?? 'sha256',
    encoding: o.encoding ?? 'hex',
    ...(o.prefix !== undefined ? { prefix: o.prefix } : {}),
    prefixRequired: o.prefixRequired ?? false,
  };
}

function validate(scope: Construct, name: string, props: WebhookSourceProps): void {
  const v = new Violations();
  v.pattern('name', name, NAME_PATTERN, 'lower-case letters, digits and dashes, starting with a letter, at most 40 characters');
  v.check(
    WEBHOOK_SCHEMES.includes(props.scheme),
    `scheme must be one of ${WEBHOOK_SCHEMES.join(', ')} (given ${JSON.stringify(props.scheme)})`,
  );
  v.check(
    props.genericOptions === undefined || props.scheme === 'generic',
    `genericOptions is only valid with scheme "generic" (given scheme ${JSON.stringify(props.scheme)})`,
  );
  const g = props.genericOptions;
  if (g) {
    v.check(
      g.algorithm === undefined || ['sha1', 'sha256', 'sha512'].includes(g.algorithm),
      `genericOptions.algorithm must be sha1, sha256 or sha512 (given ${JSON.stringify(g.algorithm)})`,
    );
    v.check(
      g.encoding === undefined || ['hex', 'base64'].includes(g.encoding),
      `genericOptions.encoding must be hex or base64 (given ${JSON.stringify(g.encoding)})`,
    );
    v.pattern('genericOptions.header', g.header, /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'a valid HTTP header name');
    v.check(
      !(g.prefixRequired && !g.prefix),
      'genericOptions.prefixRequired needs genericOptions.prefix (given prefixRequired true without a prefix)',
    );
  }
  v.exclusive({ secret: props.secret, secretName: props.secretName, secretArn: props.secretArn });
  v.range('bodyLimitBytes', props.bodyLimitBytes, 1, MAX_BODY_LIMIT_BYTES);
  const tolerance = props.tolerance?.toSeconds();
  v.range('tolerance (seconds)', tolerance, 1, 3600);
  v.range('secretCacheTtl (seconds)', props.secretCacheTtl?.toSeconds(), 0, 3600);
  v.range('claimCheckThresholdBytes', props.claimCheckThresholdBytes, 1, SQS_MAX_MESSAGE_BYTES);
  v.check(
    props.claimCheckThresholdBytes === undefined || props.claimCheckBucket !== undefined,
    `claimCheckThresholdBytes needs claimCheckBucket (given ${props.claimCheckThresholdBytes} without a bucket)`,
  );
  v.pattern('eventSource', props.eventSource, /^(?!aws\.)[A-Za-z0-9._-]{1,256}$/, 'at most 256 letters, digits, dots, dashes or underscores, not starting with "aws."');
  if (props.publicUrl !== undefined && !Token.isUnresolved(props.publicUrl)) {
    v.pattern('publicUrl', props.publicUrl, /^https:\/\/[^\s]+$/, 'an https:// URL');
  }
  v.throwIfAny(scope);
}
