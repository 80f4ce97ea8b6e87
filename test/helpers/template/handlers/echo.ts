/** A tiny handler for synthesized test stacks: returns its event. */
export const handler = async (event: unknown): Promise<unknown> => ({ echoed: event });
