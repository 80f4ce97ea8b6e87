export { regionalArnPrefix } from './arns.js';
export { DEFAULT_EVENT_BUS_NAME, DEFAULT_LOCAL_REGION, LOCAL_ACCOUNT_ID, LOCAL_PARTITION } from './constants.js';
export { IamError, MalformedPolicyError, UnmappableRequestError } from './errors.js';
export { evaluatePolicies } from './evaluatePolicies.js';
export { localArnContext } from './localArnContext.js';
export { actionMatches, resourceMatches } from './matchPattern.js';
export { dynamoDbChecks } from './requests/dynamoDbChecks.js';
export { eventsChecks } from './requests/eventsChecks.js';
export { type JsonBody, readJsonBody } from './requests/readBody.js';
export { type S3RequestLine, s3Checks } from './requests/s3Checks.js';
export { secretsChecks } from './requests/secretsChecks.js';
export { sqsChecks } from './requests/sqsChecks.js';
export type {
  ArnContext,
  AuthorizationCheck,
  Decision,
  Evaluation,
  MappingContext,
  PolicyDocument,
  PolicyStatement,
  StringOrList,
} from './types.js';
