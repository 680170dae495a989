import type { Logger } from 'pino';
import { WechatApiError, WechatTransportError } from './apiErrors';
import type { OfficialAccountClient } from './client';
import type { FollowerStore } from './followers';
import type { DeliveryOutcome, RefusalReason } from './outcome';
import type { TemplateSettings } from './settings';
import { templateMessage } from './template';

/** WeChat's customer-service window: 48 hours after the user's last message, click, follow or scan. */
export const SERVICE_WINDOW_MS = 48 * 3600_000;

export interface OfficialAccountSenderOptions {
  client: OfficialAccountClient;
  followers: FollowerStore;
  logger: Logger;
  template?: TemplateSettings;
  /** Whether this user may get a template message (subscribed to notifications); default: yes. */
  mayUseTemplate?: (openId: string) => Promise<boolean>;
  now?: () => number;
  /** Pause of all sends after a rate-limit error (45009, 45047…). */
  backoffMs?: number;
}

/**
 * Sends to one follower as WeChat allows: customer-service messages while the 48-hour window is
 * open, otherwise one template message (for users who may get one). Error codes are handled by
 * kind; every send ends in one truthful DeliveryOutcome and never throws.
 */
export class OfficialAccountSender {
  private blockedUntil = 0;
  private readonly now: () => number;
  private readonly backoffMs: number;

  constructor(private readonly options: OfficialAccountSenderOptions) {
    this.now = options.now ?? Date.now;
    this.backoffMs = options.backoffMs ?? 60_000;
  }

  /** A proactive message (already rendered as WeChat texts). */
  async deliver(openId: string, texts: string[]): Promise<DeliveryOutcome> {
    if (!texts.length) return { status: 'accepted', via: 'custom', messages: 0 };
    const paused = this.paused();
    if (paused) return paused;
    const follower = await this.options.followers.get(openId);
    if (!follower) return { status: 'refused', reason: 'invalid-user', detail: 'never heard from this OpenID' };
    if (!follower.following) return { status: 'refused', reason: 'unfollowed' };
    const inWindow = follower.lastInboundAt !== undefined && this.now() - follower.lastInboundAt < SERVICE_WINDOW_MS;
    if (inWindow) {
      const outcome = await this.sendCustom(openId, texts);
      // 45015 before anything went out: the window closed after all (WeChat's clock decides).
      if (!(outcome.status === 'refused' && outcome.reason === 'window-closed' && !outcome.delivered)) return outcome;
    }
    return this.sendTemplate(openId, texts);
  }

  /** Replies of a user's own turn that missed the passive reply: the window is open by definition. */
  async reply(openId: string, texts: string[]): Promise<DeliveryOutcome> {
    const paused = this.paused();
    return paused ?? this.sendCustom(openId, texts);
  }

  /** True while sends wait after a rate-limit error. */
  backingOff(): boolean {
    return this.blockedUntil > this.now();
  }

  private paused(): DeliveryOutcome | undefined {
    const wait = this.blockedUntil - this.now();
    return wait > 0 ? { status: 'refused', reason: 'rate-limited', detail: 'backing off', retryAfterMs: wait } : undefined;
  }

  private async sendCustom(openId: string, texts: string[]): Promise<DeliveryOutcome> {
    for (const [i, text] of texts.entries()) {
      try {
        await this.options.client.sendCustomText(openId, text);
      } catch (err) {
        return this.failed(openId, err, i);
      }
    }
    return { status: 'accepted', via: 'custom', messages: texts.length };
  }

  private async sendTemplate(openId: string, texts: string[]): Promise<DeliveryOutcome> {
    const template = this.options.template;
    if (!template) return { status: 'refused', reason: 'window-closed', detail: 'no template message configured (WECHAT_OA_TEMPLATE_ID)' };
    if (this.options.mayUseTemplate && !(await this.options.mayUseTemplate(openId))) {
      return { status: 'refused', reason: 'window-closed', detail: 'not subscribed to notifications' };
    }
    try {
      await this.options.client.sendTemplate(templateMessage(openId, texts, template, new Date(this.now())));
      return { status: 'accepted', via: 'template', messages: 1 };
    } catch (err) {
      return this.failed(openId, err, 0);
    }
  }

  private async failed(openId: string, err: unknown, delivered: number): Promise<DeliveryOutcome> {
    const partial = delivered ? { delivered } : {};
    if (err instanceof WechatTransportError) {
      return err.sent ? { status: 'unknown', detail: err.message, ...partial } : { status: 'refused', reason: 'unreachable', detail: err.message, ...partial };
    }
    if (!(err instanceof WechatApiError)) {
      this.options.logger.error({ err }, 'official account send failed unexpectedly');
      return { status: 'unknown', detail: err instanceof Error ? err.message : String(err), ...partial };
    }
    let reason: RefusalReason;
    switch (err.kind) {
      case 'unfollowed':
        await this.options.followers.markUnfollowed(openId, this.now());
        reason = 'unfollowed';
        break;
      case 'window-closed':
        reason = 'window-closed';
        break;
      case 'rate-limited':
        this.blockedUntil = Math.max(this.blockedUntil, this.now() + this.backoffMs);
        this.options.logger.warn({ errcode: err.errcode, backoffMs: this.backoffMs }, 'official account rate limit; pausing sends');
        return { status: 'refused', reason: 'rate-limited', detail: `errcode ${err.errcode}`, retryAfterMs: this.backoffMs, ...partial };
      case 'invalid-user':
        reason = 'invalid-user';
        break;
      case 'busy':
        reason = 'busy';
        break;
      default:
        if (err.kind === 'ip-not-whitelisted') this.options.logger.error({ errcode: err.errcode }, 'this server is not on the Official Account IP whitelist');
        reason = 'rejected';
    }
    return { status: 'refused', reason, detail: `errcode ${err.errcode}`, ...partial };
  }
}
