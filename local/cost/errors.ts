/** A `hookbridge cost` argument or a cost setting is invalid. */
export class CostInputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CostInputError';
  }
}
