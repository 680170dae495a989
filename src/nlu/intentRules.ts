/** High-precision intent rules from knowledge/nlu/intents.yaml: button prefixes, then patterns. */
import type { IntentsFile } from '../knowledge/schema';
import { escapeRegExp } from '../text/normalize';
import type { Intent } from '../domain/vocabulary';

/**
 * Undoing intents are tried first: "取消订阅活动通知" is unsubscribe although it contains a
 * subscribe pattern, "取消报名" is cancel_signup although it contains 报名. Requests the assistant
 * does not serve (none: 翻译, 你叫什么名字, 上海的政策) come before greeting and help:
 * "你好，帮我翻译一下" is not a greeting.
 */
const PRIORITY: Intent[] = ['cancel_signup', 'unsubscribe', 'delete_profile', 'handoff', 'my_signups', 'my_profile', 'none'];

export class IntentRules {
  private readonly rules: Array<{ intent: Intent; re: RegExp }> = [];
  private readonly buttons: Array<{ intent: Intent; re: RegExp }> = [];

  constructor(intents: IntentsFile['intents']) {
    const entries = Object.entries(intents) as Array<[Intent, { patterns: string[]; buttons?: string[] } | undefined]>;
    const rank = (i: Intent) => (PRIORITY.includes(i) ? PRIORITY.indexOf(i) : PRIORITY.length);
    entries.sort(([a], [b]) => rank(a) - rank(b));
    for (const [intent, def] of entries) {
      for (const p of def?.patterns ?? []) this.rules.push({ intent, re: new RegExp(p, 'u') });
    }
    // Longest prefix first: "取消报名：…" is not "报名：…".
    const prefixes = entries.flatMap(([intent, def]) => (def?.buttons ?? []).map((prefix) => ({ intent, prefix })));
    prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const { intent, prefix } of prefixes) this.buttons.push({ intent, re: new RegExp(`^\\s*${escapeRegExp(prefix)}\\s*[:：]\\s*\\S`, 'u') });
  }

  /** The intent of a button text ("报名：<title>"), whatever the title says. */
  button(text: string): Intent | undefined {
    return this.buttons.find((b) => b.re.test(text))?.intent;
  }

  /**
   * The intent of a button, else of the first matching pattern (text: cleaned, lower case) that
   * `accept` allows (it vetoes e.g. a help pattern when the message asks about something else).
   */
  match(text: string, accept: (intent: Intent) => boolean = () => true): Intent | undefined {
    return this.button(text) ?? this.rules.find((r) => r.re.test(text) && accept(r.intent))?.intent;
  }
}
