import type { Activity } from 'botbuilder';
import type { AppConfig } from '../../config';
import type { DeliveryService } from '../../delivery';
import { DEFAULT_POLICY, type Lane, type LaneMessage, type LaneOutcome } from '../../delivery/types';
import { partialSendReason } from './copy';
import { WECHAT_CHANNEL_ID } from './ids';
import type { MenuStore } from './menuStore';
import { MAX_MESSAGE_CHARS, renderActivity, type MenuOption } from './render';

/** One WeChat message, already rendered as text (the menu it shows becomes the conversation's menu once sent). */
export interface OutboxMessage {
  text: string;
  menu?: MenuOption[];
}

/** In a room, the member to @-mention. */
export interface Mention {
  id: string;
  name?: string;
}

/** Where the adapter puts WeChat messages it could not send at once (and proactive ones). */
export interface WechatOutbox {
  enqueue(conversationId: string, messages: OutboxMessage[], mention?: Mention): Promise<number>;
}

interface Rendered {
  wechatRendered?: { menu?: MenuOption[] | null; mention?: Mention | null };
}

/** The adapter's outbox is the delivery pipeline: each message becomes one delivery on the WeChat lane. */
export function wechatOutbox(delivery: DeliveryService, now: () => Date): WechatOutbox {
  return {
    async enqueue(conversationId, messages, mention) {
      const texts = messages.filter((m) => m.text.trim() !== '');
      if (!texts.length) return 0;
      const stamp = `${now().toISOString()}:${Math.random().toString(36).slice(2, 10)}`;
      const added = await delivery.enqueue(
        delivery.db,
        texts.map((m, i) => ({
          kind: 'reply' as const,
          dedupeKey: `wechat:${conversationId}:${stamp}:${i}`,
          refKey: `${WECHAT_CHANNEL_ID}|${conversationId}`,
          activities: [
            {
              type: 'message',
              text: m.text,
              channelData: { wechatRendered: { menu: m.menu ?? null, mention: i === 0 ? mention ?? null : null } } satisfies Rendered,
            },
          ],
        })),
      );
      delivery.kick();
      return added;
    },
  };
}

/** Finds the contact or room behind a conversation (WechatTargets). */
export interface TargetFinder {
  resolve(conversationId: string, mention?: Mention): Promise<{ say(text: string): Promise<void> }>;
}

export interface WechatLaneOptions {
  config: Pick<AppConfig, 'WECHAT_SEND_GAP_MIN_MS' | 'WECHAT_SEND_GAP_MAX_MS' | 'WECHAT_DAILY_CAP'>;
  targets: TargetFinder;
  menus: MenuStore;
  loggedIn: () => boolean;
  maxChars?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
  /** what the console shows besides the counts (login state) */
  state?: () => Record<string, unknown>;
}

/**
 * The WeChat lane. Personal-WeChat accounts that send fast or in bulk get restricted, so the
 * policy paces it: one message at a time with a random gap, a daily cap (the rest stays queued
 * until the next day), order kept within a conversation, nothing sent while logged out, refused
 * sends retried with back-off. External: a send a crash interrupted is `unknown`, never resent.
 */
export function wechatLane(options: WechatLaneOptions): Lane {
  const { config } = options;
  return {
    channel: WECHAT_CHANNEL_ID,
    policy: {
      ...DEFAULT_POLICY,
      delivery: 'external',
      retryUnknown: false,
      batchSize: 1,
      concurrency: 1,
      ordered: true,
      gapMs: [config.WECHAT_SEND_GAP_MIN_MS, config.WECHAT_SEND_GAP_MAX_MS],
      dailyCap: config.WECHAT_DAILY_CAP,
      maxAttempts: options.maxAttempts ?? 5,
      retryBaseMs: options.retryBaseMs ?? 30_000,
    },
    ready: options.loggedIn,
    state: options.state,
    async send(message: LaneMessage): Promise<LaneOutcome> {
      const parts = render(message.activities, options.maxChars ?? MAX_MESSAGE_CHARS);
      if (!parts.texts.length) return { status: 'accepted' };
      let target;
      try {
        target = await options.targets.resolve(message.conversationId, parts.mention);
      } catch (err) {
        return { status: 'refused', reason: err instanceof Error ? err.message : String(err), retry: true };
      }
      for (const [i, text] of parts.texts.entries()) {
        try {
          await target.say(text);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          // Part of a long message went out: sending it again would repeat that part.
          if (i > 0) return { status: 'unknown', reason: partialSendReason(i, parts.texts.length, reason) };
          return { status: 'refused', reason, retry: true };
        }
      }
      if (parts.menu) await options.menus.set(message.conversationId, parts.menu).catch(() => undefined);
      return { status: 'accepted' };
    },
  };
}

function render(activities: Array<Partial<Activity>>, maxChars: number): { texts: string[]; menu?: MenuOption[]; mention?: Mention } {
  const texts: string[] = [];
  let menu: MenuOption[] | undefined;
  let mention: Mention | undefined;
  for (const activity of activities) {
    const done = (activity.channelData as Rendered | undefined)?.wechatRendered;
    if (done) {
      if (activity.text) texts.push(activity.text);
      menu = done.menu ?? undefined;
      mention ??= done.mention ?? undefined;
      continue;
    }
    const rendered = renderActivity(activity, maxChars);
    if (!rendered) continue;
    texts.push(...rendered.texts);
    menu = rendered.menu;
  }
  return { texts, menu, mention };
}
