/** A knowledge file that cannot be used; names the file and the field. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`knowledge file ${file}: ${field || '(file)'}: ${problem}`);
    this.name = 'KnowledgeError';
  }
}

/** Renders a zod issue path like items[2].facets[0].answer. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}
