import { Lazy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_THROTTLING_BURST_LIMIT, DEFAULT_THROTTLING_RATE_LIMIT } from './constants.js';
import { HandlerFunction } from './handler-function.js';
import { handlerEntry } from './paths.js';
import type { ThrottleOptions } from './types.js';
import { Violations } from './violations.js';

/** Props of {@link WebhookApi}. */
export interface WebhookApiProps {
  /**
   * Name of the HTTP API.
   * @default - '<stack name>-webhooks'
   */
  readonly apiName?: string;
  /**
   * Default stage rate limit (requests per second), for every route without its own.
   * @default 100
   */
  readonly throttlingRateLimit?: number;
  /**
   * Default stage burst limit.
   * @default 200
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Log group for the stage's access logs.
   * @default - a new log group kept for `accessLogRetention`
   */
  readonly accessLogGroup?: ILogGroup;
  /**
   * Retention of the access log group created here.
   * @default RetentionDays.ONE_MONTH
   */
  readonly accessLogRetention?: RetentionDays;
}

/** Route key of the catch-all route answered by the not-found handler. */
export const CATCH_ALL_ROUTE_KEY = 'ANY /{proxy+}';

/**
 * The one API Gateway HTTP API (v2) every vendor posts to: `ANY /webhooks/<source>` per source
 * (the verifier answers 405 to anything but POST itself, so a vendor gets a contract answer rather
 * than API Gateway's), and a catch-all `ANY /{proxy+}` plus the `$default` route answered by the
 * not-found handler (404 `unknown_source`). Default stage with auto-deploy, throttling (stage
 * default, overridable per route) and JSON access logs.
 *
 * HTTP API rather than REST API: $1.00 instead of $3.50 per million requests and lower latency;
 * REST would add AWS WAF, usage plans and request validation, none of which a signature-verified
 * webhook endpoint needs.
 * @see https://aws.amazon.com/api-gateway/pricing/
 *
 * @example
 * const api = new WebhookApi(this, 'Api', { throttlingRateLimit: 50 });
 */
export class WebhookApi extends Construct {
  /** The HTTP API. */
  public readonly httpApi: HttpApi;
  /** Its `$default` stage. */
  public readonly stage: HttpStage;
  /** Access log group of the stage. */
  public readonly accessLogGroup: ILogGroup;
  /** The not-found handler behind the catch-all routes. */
  public readonly notFoundHandler: HandlerFunction;
  /** The stage's default throttling. */
  public readonly defaultThrottle: Required<ThrottleOptions>;

  /** Per-route settings, in CloudFormation's casing (the property is a plain JSON map). */
  private readonly routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};

  public constructor(scope: Construct, id: string, props: WebhookApiProps = {}) {
    super(scope, id);
    const violations = new Violations();
    violations.range('throttlingRateLimit', props.throttlingRateLimit, 1, 10_000);
    violations.range('throttlingBurstLimit', props.throttlingBurstLimit, 1, 5_000);
    violations.check(
      !(props.accessLogGroup && props.accessLogRetention !== undefined),
      'accessLogRetention cannot be set with accessLogGroup (it applies to the log group created here)',
    );
    violations.throwIfAny(this);

    this.notFoundHandler = new HandlerFunction(this, 'NotFound', {
      entry: handlerEntry('notFound'),
      serviceName: 'hookbridge-not-found',
      invokedBy: 'API Gateway (synchronously, catch-all routes)',
      memorySize: 128,
    });
    const notFound = new HttpLambdaIntegration('NotFoundIntegration', this.notFoundHandler.function);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: props.apiName ?? Stack.of(this).stackName + '-webhooks',
      description: 'hookbridge inbound webhooks',
      createDefaultStage: false,
      defaultIntegration: notFound,
    });
    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration: notFound });

    this.accessLogGroup =
      props.accessLogGroup ??
      new LogGroup(this, 'AccessLogs', { retention: props.accessLogRetention ?? RetentionDays.ONE_MONTH });

    this.defaultThrottle = {
      rateLimit: props.throttlingRateLimit ?? DEFAULT_THROTTLING_RATE_LIMIT,
      burstLimit: props.throttlingBurstLimit ?? DEFAULT_THROTTLING_BURST_LIMIT,
    };
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: this.defaultThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            integrationStatus: '$context.integrationStatus',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            errorMessage: '$context.error.message',
          }),
        ),
      },
    });
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Lazy.any({
      produce: () => (Object.keys(this.routeSettings).length > 0 ? this.routeSettings : undefined),
    });

    for (const route of [CATCH_ALL_ROUTE_KEY, '$default']) {
      this.acknowledgeUnauthenticatedRoute(route, 'it only answers 404 unknown_source and reaches nothing else');
    }
  }

  /** The stage URL, ending in `/` (e.g. `https://abc.execute-api.eu-west-1.amazonaws.com/`). */
  public get url(): string {
    return this.stage.url;
  }

  /** Route key of a source's route. */
  public static routeKey(source: string): string {
    return `ANY /webhooks/${source}`;
  }

  /** The public URL of a source's route. */
  public webhookUrl(source: string): string {
    return `${this.url}webhooks/${source}`;
  }

  /**
   * Route `ANY /webhooks/<source>` to `handler`, with its own throttling if given.
   * @returns the created route
   */
  public addSourceRoute(source: string, handler: IFunction, throttle: ThrottleOptions = {}): HttpRoute {
    const violations = new Violations();
    violations.range('throttle.rateLimit', throttle.rateLimit, 1, 10_000);
    violations.range('throttle.burstLimit', throttle.burstLimit, 1, 5_000);
    violations.throwIfAny(this);

    const [route] = this.httpApi.addRoutes({
      path: `/webhooks/${source}`,
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration(`Integration-${source}`, handler),
    });
    if (throttle.rateLimit !== undefined || throttle.burstLimit !== undefined) {
      this.routeSettings[WebhookApi.routeKey(source)] = {
        ThrottlingRateLimit: throttle.rateLimit ?? this.defaultThrottle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit ?? this.defaultThrottle.burstLimit,
      };
      // CloudFormation rejects route settings for a route key that does not exist yet.
      this.stage.node.addDependency(route!);
    }
    this.acknowledgeUnauthenticatedRoute(
      WebhookApi.routeKey(source),
      `vendors authenticate each delivery with an HMAC signature over the raw body, which the ${source} ` +
        'verifier checks (constant-time) before anything is published',
    );
    return route!;
  }

  private acknowledgeUnauthenticatedRoute(routeKey: string, why: string): void {
    Validations.of(this.findRoute(routeKey)).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        `Route ${routeKey} is public by design: webhook vendors cannot send IAM, JWT or Lambda ` +
        `authorizer credentials; ${why}.`,
    });
  }

  private findRoute(routeKey: string): Construct {
    for (const child of this.httpApi.node.findAll()) {
      const cfn = child.node.defaultChild as { routeKey?: string } | undefined;
      if (cfn?.routeKey === routeKey) return child as Construct;
    }
    throw new Error(`${this.node.path} has no route ${routeKey}`);
  }
}
