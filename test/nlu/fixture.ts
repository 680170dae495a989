/** One recognizer per test file (loading takes about half a second). */
import { createRecognizer } from '../../src/nlu';
import type { HuiRecognizer } from '../../src/nlu/recognizer';

/** Fixed clock: Wednesday 2024-11-20 10:00 in Suzhou. */
export const NOW = new Date('2024-11-20T02:00:00Z');

let shared: Promise<HuiRecognizer> | undefined;

export function recognizer(): Promise<HuiRecognizer> {
  shared ??= createRecognizer({ now: () => NOW });
  return shared;
}
