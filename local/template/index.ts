export { loadCloudAssembly } from './loadCloudAssembly.js';
export { resolveTemplate } from './resolveTemplate.js';
export { buildGraph } from './buildGraph.js';
export { classifyResource, EMULATED_TYPES, NOT_EMULATED_TYPES, READ_TYPES } from './classifyResource.js';
export { parseHandler } from './buildFunctions.js';
export { generatePhysicalName } from './physicalNames.js';
export { TemplateResolver, NO_VALUE } from './TemplateResolver.js';
export { DEFAULTS, KNOWN_MANAGED_POLICIES, LOCAL_ACCOUNT_ID, LOCAL_BOOTSTRAP_VERSION, LOCAL_REGION } from './constants.js';
export {
  AssetNotFoundError,
  CloudAssemblyError,
  IntrinsicResolutionError,
  MissingParameterError,
  TemplateError,
  UnsupportedResourceError,
} from './errors.js';
export type {
  ArchiveNode,
  AttachedPolicy,
  BucketNode,
  CfnOutput,
  CfnParameter,
  CfnResource,
  CfnTemplate,
  EventBusNode,
  EventSourceMappingNode,
  FileAsset,
  FunctionNode,
  HandlerSpec,
  HttpApiNode,
  HttpRouteNode,
  KeyElement,
  LoadedStack,
  ManagedPolicyRef,
  OutputsFile,
  PolicyDocument,
  PolicyStatement,
  QueueNode,
  QueuePolicyNode,
  RedrivePolicy,
  ResolveContext,
  ResolvedOutput,
  ResolvedResource,
  ResolvedTemplate,
  ResourceGraph,
  ResourceIdentity,
  ResourceRef,
  ResourceSupport,
  RoleNode,
  RuleNode,
  RuleTargetNode,
  SecretNode,
  TableNode,
  TargetKind,
} from './types.js';
