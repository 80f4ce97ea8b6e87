export { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from './constants.js';
export {
  InvalidParameterError,
  InvalidRequestError,
  ResourceExistsError,
  ResourceNotFoundError,
  SecretsManagerError,
} from './errors.js';
export { generatePassword, generateSecretString } from './generateSecretString.js';
export { handleSecretsRequest, type SecretsWireRequest, type SecretsWireResponse } from './handleSecretsRequest.js';
export { SecretsService } from './SecretsService.js';
export type {
  CreateSecretInput,
  GenerateSecretStringOptions,
  GetSecretValueInput,
  PutSecretValueInput,
  SecretsMutation,
  SecretsServiceOptions,
  SecretsState,
  SecretValue,
  StoredSecret,
  StoredSecretVersion,
} from './types.js';
