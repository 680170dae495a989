/**
 * Numbers the `?` placeholders of one SQL text for PostgreSQL (`$1`, `$2`, …), leaving question
 * marks inside string literals, quoted identifiers and comments alone. Repositories keep one text.
 */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const skipTo = (end: string, from: number) => {
      const at = sql.indexOf(end, from);
      return at === -1 ? sql.length : at + end.length;
    };
    let next: number;
    if (c === "'" || c === '"') {
      // A doubled quote inside a literal is an escaped quote: keep scanning after it.
      next = i + 1;
      for (;;) {
        next = skipTo(c, next);
        if (sql[next] !== c) break;
        next += 1;
      }
    } else if (c === '-' && sql[i + 1] === '-') {
      next = skipTo('\n', i + 2);
    } else if (c === '/' && sql[i + 1] === '*') {
      next = skipTo('*/', i + 2);
    } else if (c === '?') {
      out += `$${++n}`;
      i += 1;
      continue;
    } else {
      next = i + 1;
    }
    out += sql.slice(i, next);
    i = next;
  }
  return out;
}

/** The same values SQLite's driver would store: booleans as 0/1, undefined as NULL, dates as epoch ms. */
export function bindValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return value.toString();
  return value;
}
