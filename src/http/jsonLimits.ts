/** Nesting deeper than this is refused: real activities and console forms stay below 12. */
export const MAX_JSON_DEPTH = 32;
/** Values (objects, arrays, scalars) in one body. */
export const MAX_JSON_NODES = 20_000;

export type JsonShapeProblem = 'too_deep' | 'too_many';

/**
 * Why a parsed JSON value may not be stored or serialised again, or undefined when it may:
 * deeper than `maxDepth` (JSON.stringify recurses and would overflow the stack) or more than
 * `maxNodes` values. Walks iteratively, so the check itself cannot overflow.
 */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, maxNodes = MAX_JSON_NODES): JsonShapeProblem | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (++nodes > maxNodes) return 'too_many';
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return 'too_deep';
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      else if (++nodes > maxNodes) return 'too_many';
    }
  }
  return undefined;
}
