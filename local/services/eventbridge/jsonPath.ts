/**
 * Evaluates the JSONPath subset EventBridge documents for InputPath and InputPathsMap: `$`, dot
 * members (names with dashes, underscores, slashes), `['member']` and array indices. Wildcards are
 * documented too but not supported here: such a path yields `undefined`.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function evaluateJsonPath(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) {
    return undefined;
  }
  const steps = parseSteps(path.slice(1));
  if (steps === undefined) {
    return undefined;
  }
  let node: unknown = root;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    if (typeof step === 'number') {
      node = Array.isArray(node) ? node[step] : undefined;
    } else {
      node = Object.prototype.hasOwnProperty.call(node, step) ? (node as Record<string, unknown>)[step] : undefined;
    }
    if (node === undefined) {
      return undefined;
    }
  }
  return node;
}

const STEP = /^(?:\.([^.[\]*]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;

function parseSteps(rest: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  let remaining = rest;
  while (remaining.length > 0) {
    const m = STEP.exec(remaining);
    if (m === null) {
      return undefined;
    }
    steps.push(m[2] !== undefined ? Number(m[2]) : ((m[1] ?? m[3] ?? m[4]) as string));
    remaining = remaining.slice(m[0].length);
  }
  return steps;
}
