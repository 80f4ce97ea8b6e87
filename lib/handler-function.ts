import { Duration, Validations } from 'aws-cdk-lib';
import { ServicePrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HANDLER_BUNDLE_MODULE, handlerCode } from './handler-code.js';

/** Props of {@link HandlerFunction}. */
export interface HandlerFunctionProps {
  /** Absolute path of the TypeScript entry file exporting `handler`. */
  readonly entry: string;
  /** `POWERTOOLS_SERVICE_NAME`, also used in the description. */
  readonly serviceName: string;
  /**
   * Who invokes the function and how, e.g. `API Gateway (synchronously)`; goes into the
   * acknowledgement of cdk-nag's Lambda DLQ rule, which only concerns asynchronous invocations.
   */
  readonly invokedBy: string;
  /**
   * Function timeout.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Memory in MB.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Extra environment variables.
   * @default - only the Powertools variables
   */
  readonly environment?: Record<string, string>;
  /**
   * `POWERTOOLS_LOG_LEVEL`.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * Retention of the function's log group.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * X-Ray tracing mode.
   * @default Tracing.ACTIVE
   */
  readonly tracing?: Tracing;
}

/**
 * A Node.js Lambda function with hookbridge's defaults: the latest Node.js runtime cdk-nag
 * accepts, arm64, bundled locally by esbuild (never Docker; see {@link handlerCode}: functions of
 * one entry share one bundle), its own role without AWS managed policies, its own log group with a
 * retention, X-Ray tracing.
 */
export class HandlerFunction extends Construct {
  /** The runtime of every hookbridge function. */
  public static readonly RUNTIME = Runtime.NODEJS_24_X;

  /** The function. */
  public readonly function: LambdaFunction;
  /** Its execution role (logs and tracing only; callers grant the rest). */
  public readonly role: Role;
  /** Its log group. */
  public readonly logGroup: LogGroup;

  public constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
    });
    // An own role instead of the default one keeps AWSLambdaBasicExecutionRole (a managed policy
    // writing to any log group) out: the function may write to its own log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      code: handlerCode(props.entry),
      handler: `${HANDLER_BUNDLE_MODULE}.handler`,
      description: `hookbridge ${props.serviceName}`,
      runtime: HandlerFunction.RUNTIME,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 256,
      role: this.role,
      logGroup: this.logGroup,
      tracing: props.tracing ?? Tracing.ACTIVE,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'hookbridge',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        // Stack traces point at the TypeScript sources (the bundle ships a source map).
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });

    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        `Invoked by ${props.invokedBy}, never asynchronously; a Lambda dead-letter queue only ` +
        'receives failed asynchronous invocations, so it would stay empty. Failures are handled ' +
        'by the caller (HTTP status to the vendor, or the SQS queue redrive policy and its DLQ).',
    });
    if ((props.tracing ?? Tracing.ACTIVE) !== Tracing.DISABLED) {
      this.acknowledgePolicyFinding(
        'AwsSolutions-IAM5[Resource::*]',
        'xray:PutTraceSegments and xray:PutTelemetryRecords, added for active tracing, do not ' +
          'support resource-level permissions; "*" is the only valid resource.',
      );
    }
  }

  /**
   * Acknowledge one cdk-nag finding on the role's policy (the resource the finding is about).
   * Call after the grant that causes the finding.
   */
  public acknowledgePolicyFinding(id: string, reason: string): void {
    const policy = this.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error(`${this.node.path} has no role policy to acknowledge ${id} on`);
    Validations.of(policy).acknowledge({ id, reason });
  }
}
