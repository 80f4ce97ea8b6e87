export { computeCost, computeGatewayOnly, COST_DEFAULTS, effectiveBatch } from './computeCost.js';
export { CostInputError } from './errors.js';
export { chunks, httpApiCharges, lambdaCharges, readUnits, writeUnits, ARM_RATES, type LambdaCharges, type LambdaRates } from './meters.js';
export { AWS_PRICES, VENDOR_PRICES, type PriceLine, type PriceTable } from './prices.js';
export { parseCostArgs, runCost, settingVariants, type CostArgs, type SettingVariant } from './runCost.js';
export type { CostInput, CostLine, CostReport, IdempotencyStorage, Ingress, LogLevel } from './types.js';
