/** High-precision intent rules from knowledge/nlu/intents.yaml: button prefixes, then patterns. */
import type { IntentDeclaration, IntentsFile } from '../knowledge/schema';
import { escapeRegExp } from '../text/normalize';
import { declaredIntent, type Intent } from '../domain/vocabulary';

export class IntentRules {
  private readonly rules: Array<{ intent: Intent; re: RegExp }> = [];
  private readonly buttons: Array<{ intent: Intent; re: RegExp }> = [];

  constructor(intents: Partial<IntentsFile['intents']>) {
    // Patterns in the order of each intent's `priority` in intents.yaml (why: see that file), the
    // intents without one after them in file order (the sort is stable).
    const entries = Object.entries(intents).map(([name, def]) => [declaredIntent(name), def] as [Intent, IntentDeclaration | undefined]);
    const rank = (def: IntentDeclaration | undefined) => def?.priority ?? Number.POSITIVE_INFINITY;
    entries.sort(([, a], [, b]) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? -1 : 1));
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
