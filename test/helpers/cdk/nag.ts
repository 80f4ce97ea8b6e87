import type { IConstruct } from 'constructs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/** One unacknowledged cdk-nag finding. */
export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
}

/** Every unacknowledged AwsSolutions and Serverless finding (errors and warnings) under `scope`. */
export function nagFindings(scope: IConstruct): NagFinding[] {
  const findings: NagFinding[] = [];
  for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
    for (const violation of pack.validateScope(scope).violations) {
      for (const resource of violation.violatingResources) {
        findings.push({ rule: violation.ruleName, severity: violation.severity ?? 'unknown', path: resource.constructPath ?? '?' });
      }
    }
  }
  return findings;
}
