/** High-precision intent rules from knowledge/nlu/intents.yaml: button prefixes, then patterns. */
import type { IntentDeclaration, IntentsFile } from '../knowledge/schema';
import { escapeRegExp } from '../text/normalize';
import { declaredIntent, type Intent } from '../domain/vocabulary';

/**
 * A menu word typed before the request ("活动报名 想报个沙龙"); who writes, or for whom, said before a request ("我是行政，老板让我给公司报名…", "我是咨询公司的，帮客户
 * 报名…"): the request is read after it too. (The enterprise's honours told first — "我们是市级专精特新，
 * 想参加沙龙，怎么报名" — make it a question of ours, not a lead-in.)
 */
const LEAD_IN = /^(?:(?:活动报名|政策问答|人工客服|活动查询|我的报名)[\s:：，,]+|(?:我是|我们是|本人是|这边是)(?:(?!专精特新|小巨人|[国省市区]级|入库|培育)[^，,。？?！!\n]){1,24}[，,。！!\s]+|(?:老板|领导|公司|上级|经理|总经理|董事长|我们老板|我们领导|总监|主任)(?:让|叫|要|安排|委托|交代)(?:我|我们)(?:来)?)+/u;
/** The requests a lead-in may stand before (questions keep their own reading). */
const REQUESTS_AFTER_LEAD_IN: ReadonlySet<string> = new Set(['sign_up', 'my_signups', 'cancel_signup', 'subscribe', 'unsubscribe', 'handoff']);

/** Texts whose pattern results are kept (the message and its clauses). */
const RECENT_TEXTS = 8;

export class IntentRules {
  private readonly rules: Array<{ intent: Intent; re: RegExp }> = [];
  private readonly buttons: Array<{ intent: Intent; re: RegExp }> = [];
  /**
   * Which patterns the last few texts matched (per rule: 0 not tested yet, 1 yes, 2 no): one message
   * asks of the same text several times (the message, then its clause, with different vetoes).
   */
  private readonly tested = new Map<string, { button: Intent | null | undefined; rules: Uint8Array }>();

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
    const memo = this.memo(text);
    if (memo.button === undefined) memo.button = this.buttons.find((b) => b.re.test(text))?.intent ?? null;
    return memo.button ?? undefined;
  }

  /**
   * The intent of a button, else of the first matching pattern (text: cleaned, lower case) that
   * `accept` allows (it vetoes e.g. a help pattern when the message asks about something else).
   */
  match(text: string, accept: (intent: Intent) => boolean = () => true): Intent | undefined {
    const button = this.button(text);
    if (button) return button;
    const found = this.firstMatch(text, accept);
    if (found) return found;
    const lead = LEAD_IN.exec(text);
    const rest = lead ? text.slice(lead[0].length).trim() : '';
    return rest ? this.firstMatch(rest, (intent) => REQUESTS_AFTER_LEAD_IN.has(intent) && accept(intent)) : undefined;
  }

  private firstMatch(text: string, accept: (intent: Intent) => boolean): Intent | undefined {
    const tested = this.memo(text).rules;
    for (let i = 0; i < this.rules.length; i++) {
      if (tested[i] === 0) tested[i] = this.rules[i].re.test(text) ? 1 : 2;
      if (tested[i] === 1 && accept(this.rules[i].intent)) return this.rules[i].intent;
    }
    return undefined;
  }

  private memo(text: string): { button: Intent | null | undefined; rules: Uint8Array } {
    let memo = this.tested.get(text);
    if (!memo) {
      // The oldest text makes room, and lends its array (no allocation per text).
      const oldest = this.tested.size >= RECENT_TEXTS ? this.tested.keys().next().value : undefined;
      const rules = oldest !== undefined ? this.tested.get(oldest)!.rules.fill(0) : new Uint8Array(this.rules.length);
      if (oldest !== undefined) this.tested.delete(oldest);
      memo = { button: undefined, rules };
      this.tested.set(text, memo);
    }
    return memo;
  }
}
