export { computeCost, computeGatewayOnly, COST_DEFAULTS, effectiveBatch } from './computeCost.js';
export { CostInputError } from './errors.js';
export {
  chunks,
  httpApiCharges,
  lambdaCharges,
  lambdaTracesPerSecond,
  readUnits,
  writeUnits,
  xrayCharges,
  ARM_RATES,
  X86_RATES,
  type LambdaCharges,
  type LambdaRates,
} from './meters.js';
export { AWS_PRICES, VENDOR_PRICES, type PriceLine, type PriceTable } from './prices.js';
export { readConfiguredStack, type StackLocation, type StackReading } from './readConfiguredStack.js';
export { costInput, parseCostArgs, runCost, settingVariants, type CostArgs, type RunCostOptions, type SettingVariant } from './runCost.js';
export { stackSettings, type StackSettings } from './stackSettings.js';
export { withSettings } from './withSettings.js';
export type { Architecture, ConsumerProfile, CostInput, CostLine, CostReport, IdempotencyStorage, Ingress, LogLevel, ResolvedCostInput } from './types.js';
