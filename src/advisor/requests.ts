/**
 * What a support question asks for: the whole picture, one 汇, one measure ("我们能参加人才对接吗",
 * "为什么没有人才对接"), or the measures that do not apply. Measures are found by their titles and
 * by keywords that belong to exactly one measure (knowledge/policy).
 */
import type { ButtonValue } from '../domain/buttons';
import { HUI_IDS } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import { cleanText } from '../text/normalize';
import { judgedItems } from './ruleEngine';

export type HuiId = (typeof HUI_IDS)[number];

export type SupportRequest =
  | { kind: 'overview' }
  | { kind: 'hui'; hui: HuiId }
  | { kind: 'item'; itemId: string; whyNot: boolean }
  | { kind: 'whyNot' };

/** Words too general to point at one measure. */
const GENERAL_WORDS = new Set(['支持', '服务', '政策', '企业', '专精特新', '培育', '活动', '线上', '线下', '每年', '问题', '联系', '困难', '建议', '评价', '提升', '好处', '优惠', '优待', '钱', '资金', '申报', '推荐', '辅导', '人才', '技术', '产业', '金融', '融资', '交流', '配套', '对接', '发布', '专项资金', '上级政策']);
const WHY_NOT = /为什么(没有|没|不能|不可以|不行|不符合|享受不了|不给|不在)|为何(没有|不能|不符合)|怎么(没有|不能)|不能享受|享受不了|不符合(哪些|的)|哪些不能|不能参加|参加不了|不适用/u;

export class SupportRequestReader {
  private readonly terms: Array<{ term: string; itemId: string }>;
  private readonly huis: Array<{ term: string; hui: HuiId }>;
  private readonly huiOfItem = new Map<string, HuiId>();
  private readonly judged = new Set<string>();

  constructor(kb: KnowledgeBase) {
    const owners = new Map<string, Set<string>>();
    for (const item of judgedItems(kb)) {
      for (const raw of [item.title, item.eligibility.name, ...item.keywords]) {
        if (!raw) continue;
        const term = cleanText(raw);
        if (term.length < 2 || GENERAL_WORDS.has(term)) continue;
        const set = owners.get(term) ?? new Set<string>();
        set.add(item.id);
        owners.set(term, set);
      }
    }
    this.terms = [...owners.entries()]
      .filter(([, ids]) => ids.size === 1)
      .map(([term, ids]) => ({ term, itemId: [...ids][0] }))
      .sort((a, b) => b.term.length - a.term.length);
    for (const item of kb.items) if (item.kind === 'hui' && item.hui) this.huiOfItem.set(item.id, item.hui as HuiId);
    for (const item of judgedItems(kb)) this.judged.add(item.id);
    this.huis = kb.items
      .filter((i) => i.kind === 'hui' && i.hui)
      .map((i) => ({ term: cleanText(i.title), hui: i.hui as HuiId }));
  }

  /**
   * The request for the topic the recognizer found named in the question ("金融这块有什么支持" →
   * 金融汇), when it is a 汇 or a measure the advisor judges; undefined otherwise.
   */
  fromTopic(recognition: { namesTopic?: boolean; candidates: Array<{ id: string }>; normalized: string } | undefined): SupportRequest | undefined {
    const id = recognition?.namesTopic ? recognition.candidates[0]?.id : undefined;
    if (!id || !recognition) return undefined;
    const hui = this.huiOfItem.get(id);
    if (hui) return { kind: 'hui', hui };
    if (this.judged.has(id)) return { kind: 'item', itemId: id, whyNot: WHY_NOT.test(cleanText(recognition.normalized)) };
    return undefined;
  }

  /** What a clicked 支持详情 button asks: the 汇 its value names (undefined: not such a button). */
  fromButton(button: ButtonValue | undefined): SupportRequest | undefined {
    const hui = button?.action === 'what_support' ? HUI_IDS.find((h) => h === button.hui) : undefined;
    return hui ? { kind: 'hui', hui } : undefined;
  }

  read(raw: string): SupportRequest {
    const text = cleanText(raw);
    const whyNot = WHY_NOT.test(text);
    const measure = this.measureIn(text);
    if (measure) return { kind: 'item', itemId: measure, whyNot };
    const hui = this.huis.find((h) => text.includes(h.term));
    if (hui) return { kind: 'hui', hui: hui.hui };
    return whyNot ? { kind: 'whyNot' } : { kind: 'overview' };
  }

  /** The one measure the text names (longest term wins; two measures named → none). */
  measureIn(text: string): string | undefined {
    const found = new Set<string>();
    let longest = 0;
    for (const { term, itemId } of this.terms) {
      if (term.length < longest) break;
      if (text.includes(term)) {
        found.add(itemId);
        longest = term.length;
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}
