/** High-precision intent patterns from knowledge/nlu/intents.yaml. */
import type { IntentsFile } from '../knowledge/schema';
import type { Intent } from './types';

export class IntentRules {
  private readonly rules: Array<{ intent: Intent; re: RegExp }> = [];

  constructor(intents: IntentsFile['intents']) {
    for (const [intent, def] of Object.entries(intents) as Array<[Intent, { patterns: string[] } | undefined]>) {
      for (const p of def?.patterns ?? []) this.rules.push({ intent, re: new RegExp(p, 'u') });
    }
  }

  /** The intent of the first matching pattern (text: cleaned, lower case). */
  match(text: string): Intent | undefined {
    return this.rules.find((r) => r.re.test(text))?.intent;
  }
}
