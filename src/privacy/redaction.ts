/** What a redacted value is replaced with, in history, transcripts and questions. */
export const REDACTED = '[已删除]';

/** Shorter values are not redacted: they would hit unrelated text. */
const MIN_VALUE_CHARS = 2;
/** Between the characters of a number-like value a user may have typed spaces or dashes. */
const SEPARATORS = '[\\s\\-－—]{0,2}';

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A function that replaces every occurrence of the values in a text (plain, or a JSON document:
 * the replacement contains no quote or backslash, so JSON stays valid). Number-like values (a
 * mobile, a credit code) also match as typed with spaces or dashes between characters, in any case.
 * Undefined when no value is long enough to redact.
 */
export function redactor(values: Array<string | undefined | null>): ((text: string) => string) | undefined {
  const unique = [...new Set(values.map((v) => (v ?? '').trim()).filter((v) => [...v].length >= MIN_VALUE_CHARS))];
  if (unique.length === 0) return undefined;
  // Longest first, so a value that contains another is replaced whole.
  unique.sort((a, b) => b.length - a.length);
  const patterns = unique.map((value) =>
    /^[A-Za-z0-9]+$/.test(value) ? [...value].map(escape).join(SEPARATORS) : [...value].map(escape).join(''),
  );
  const pattern = new RegExp(patterns.join('|'), 'giu');
  return (text: string) => text.replace(pattern, REDACTED);
}
