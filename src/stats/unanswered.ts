import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../clock';
import { toHalfWidth } from '../text/normalize';

/** Two questions whose character bigrams overlap at least this much (Dice coefficient) are grouped. */
export const SIMILARITY_THRESHOLD = 0.5;
/** Greetings and the programme's own name are in almost every question: they say nothing about the topic. */
const FILLER = /^(你好|您好|请问|我想问一下|我想问|想问一下|咨询一下|问一下)+|汇计划|专精特新/gu;
const MAX_REVIEWED = 1000;

export interface UnansweredItem {
  id: number;
  text: string;
  channel: string;
  reason: string;
  createdAt: string;
  resolvedAt?: string;
  candidates: Array<{ id: string; title: string; score: number }>;
}

export interface UnansweredGroup {
  /** the id of the group's newest question */
  key: number;
  /** the wording asked most often (the newest on a tie) */
  text: string;
  count: number;
  ids: number[];
  items: UnansweredItem[];
  channels: string[];
  firstAt: string;
  lastAt: string;
  /** knowledge items the recognizer thought closest, by how often they came up */
  nearTopics: string[];
  resolved: boolean;
}

interface Row {
  id: number;
  text: string;
  normalized: string | null;
  channel: string;
  reason: string;
  candidates: string;
  created_at: string;
  resolved_at: string | null;
}

/** Lower case, half-width, without spaces, punctuation, symbols or emoji: what is compared. */
export function normalizeQuestion(text: string): string {
  return toHalfWidth(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}]+/gu, '')
    .replace(FILLER, '')
    .replace(/(吗|呢|呀|啊|吧|么)+$/u, '');
}

/** Character bigrams (a single character is its own "bigram"). */
export function bigrams(text: string): Set<string> {
  const chars = [...text];
  if (chars.length < 2) return new Set(chars);
  const set = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) set.add(chars[i] + chars[i + 1]);
  return set;
}

/** Dice coefficient of two bigram sets: 2·shared / (|a| + |b|). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Groups similar questions: same normalized text, or character-bigram similarity with any
 * question already in a group (newest questions are placed first).
 */
export function groupQuestions(items: Array<UnansweredItem & { compare: string }>, threshold = SIMILARITY_THRESHOLD): UnansweredGroup[] {
  const groups: Array<{ members: Array<UnansweredItem & { grams: Set<string>; compare: string }> }> = [];
  const exact = new Map<string, number>();
  for (const item of items) {
    const grams = bigrams(item.compare);
    let target = exact.get(item.compare);
    if (target === undefined) {
      let best = 0;
      groups.forEach((g, index) => {
        for (const m of g.members) {
          const s = similarity(grams, m.grams);
          if (s >= threshold && s > best) {
            best = s;
            target = index;
          }
        }
      });
    }
    if (target === undefined) {
      target = groups.length;
      groups.push({ members: [] });
    }
    groups[target].members.push({ ...item, grams });
    exact.set(item.compare, target);
  }
  return groups.map(({ members }) => {
    const wordings = new Map<string, number>();
    const topics = new Map<string, number>();
    for (const m of members) {
      wordings.set(m.text, (wordings.get(m.text) ?? 0) + 1);
      for (const c of m.candidates.slice(0, 2)) topics.set(c.title, (topics.get(c.title) ?? 0) + 1);
    }
    const text = [...wordings.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const times = members.map((m) => m.createdAt).sort();
    return {
      key: members[0].id,
      text,
      count: members.length,
      ids: members.map((m) => m.id),
      items: members.map(({ grams: _g, compare: _c, ...item }) => item),
      channels: [...new Set(members.map((m) => m.channel))],
      firstAt: times[0],
      lastAt: times[times.length - 1],
      nearTopics: [...topics.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t]) => t),
      resolved: members.every((m) => Boolean(m.resolvedAt)),
    };
  });
}

/** Officials' review of the questions the bot answered with its honest fallback (table 020). */
export class UnansweredReview {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  async groups(filter: { days?: number; includeResolved?: boolean } = {}): Promise<{ groups: UnansweredGroup[]; total: number }> {
    const days = filter.days ?? 30;
    const since = new Date(this.clock().getTime() - days * 86_400_000).toISOString();
    const rows = await this.db.all<Row>(
      `SELECT id, text, normalized, channel, reason, candidates, created_at, resolved_at FROM unanswered_questions
        WHERE created_at >= ? ${filter.includeResolved ? '' : 'AND resolved_at IS NULL'}
        ORDER BY id DESC LIMIT ?`,
      [since, MAX_REVIEWED],
    );
    const items = rows.map((r) => ({
      id: r.id,
      text: r.text,
      channel: r.channel,
      reason: r.reason,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at ?? undefined,
      candidates: parseCandidates(r.candidates),
      compare: normalizeQuestion(r.normalized || r.text),
    }));
    const groups = groupQuestions(items).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
    return { groups, total: rows.length };
  }

  /** Marks questions handled; resolves with how many were still open. */
  async resolve(ids: number[]): Promise<number> {
    if (!ids.length) return 0;
    const { changes } = await this.db.run(
      `UPDATE unanswered_questions SET resolved_at = ? WHERE resolved_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`,
      [this.clock().toISOString(), ...ids],
    );
    return changes;
  }

  async countOpen(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM unanswered_questions WHERE resolved_at IS NULL'))?.n ?? 0;
  }

  /** The latest fallback in a conversation since `sinceIso` (offered when the user asks for a person). */
  async latestInConversation(channel: string, conversationId: string, sinceIso: string): Promise<{ id: number; text: string } | undefined> {
    return this.db.get<{ id: number; text: string }>(
      `SELECT id, text FROM unanswered_questions WHERE channel = ? AND conversation_id = ? AND created_at >= ?
        ORDER BY id DESC LIMIT 1`,
      [channel, conversationId, sinceIso],
    );
  }
}

function parseCandidates(json: string): UnansweredItem['candidates'] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((c) => c && typeof c.title === 'string') : [];
  } catch {
    return [];
  }
}
