/** Whether a statement failed because its table does not exist (a feature that never migrated), on either engine. */
export function isMissingTable(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  return code === '42P01' || /no such table/.test(String(message));
}
