/** High-precision intent patterns from knowledge/nlu/intents.yaml. */
import type { IntentsFile } from '../knowledge/schema';
import type { Intent } from './types';

/**
 * Undoing intents are tried first: "取消订阅活动通知" is unsubscribe although it contains a
 * subscribe pattern, "取消报名" is cancel_signup although it contains 报名.
 */
const PRIORITY: Intent[] = ['cancel_signup', 'unsubscribe', 'delete_profile', 'handoff', 'my_signups', 'my_profile'];

export class IntentRules {
  private readonly rules: Array<{ intent: Intent; re: RegExp }> = [];

  constructor(intents: IntentsFile['intents']) {
    const entries = Object.entries(intents) as Array<[Intent, { patterns: string[] } | undefined]>;
    const rank = (i: Intent) => (PRIORITY.includes(i) ? PRIORITY.indexOf(i) : PRIORITY.length);
    entries.sort(([a], [b]) => rank(a) - rank(b));
    for (const [intent, def] of entries) {
      for (const p of def?.patterns ?? []) this.rules.push({ intent, re: new RegExp(p, 'u') });
    }
  }

  /** The intent of the first matching pattern (text: cleaned, lower case). */
  match(text: string): Intent | undefined {
    return this.rules.find((r) => r.re.test(text))?.intent;
  }
}
