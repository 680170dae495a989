import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { TextChannelAdapter, type MenuMemory, type ProactiveOutlet } from '../textChannelAdapter';
import type { MenuOption } from '../wechat/render';
import { OA_CHANNEL_ID } from './ids';
import { DeliveryError, type DeliveryOutcome } from './outcome';
import type { TurnReplies } from './replies';

export interface OfficialAccountAdapterOptions {
  /** Sends a proactive message's texts to one follower. */
  deliver: (openId: string, texts: string[]) => Promise<DeliveryOutcome>;
  /** Longest single message; longer replies are split. */
  maxChars: number;
  /** Each follower's last numbered menu, by oaMenuKey. */
  menus: MenuMemory;
}

/** What became of a proactive message, and the numbered choices it showed. */
export interface ProactiveResult {
  outcome: DeliveryOutcome;
  lastMenu?: MenuOption[];
}

/**
 * Bot Framework adapter of the Official Account: runs the same bot as every other channel for
 * a follower's message or event. The shared TextChannelAdapter renders the replies as text
 * (buttons become a numbered menu); this adapter hands them to the passive reply or the
 * customer-service message API.
 */
export class OfficialAccountAdapter extends TextChannelAdapter {
  constructor(private readonly options: OfficialAccountAdapterOptions) {
    super({ name: 'Official Account', menus: options.menus, maxChars: options.maxChars });
  }

  /** Runs one turn whose replies go to `replies`; the menu it shows is remembered under `menuKey`. */
  async runTurn(activity: Partial<Activity>, replies: TurnReplies, menuKey: string): Promise<void> {
    await this.runUserTurn(activity, { deliver: ({ texts }) => replies.add(texts) }, menuKey);
  }

  /** Runs `logic` for a stored follower and delivers what it says; resolves with the outcome. */
  async deliverProactive(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<ProactiveResult> {
    return this.speakFirst(reference, logic, this.followerOutlet(reference));
  }

  /** The BotAdapter way to speak first: anything but 'accepted' throws a DeliveryError. */
  protected override proactiveOutlet(reference: Partial<ConversationReference>): ProactiveOutlet<void> {
    const outlet = this.followerOutlet(reference);
    return {
      deliver: (message) => outlet.deliver(message),
      finish: async (said) => {
        const { outcome } = await outlet.finish(said);
        if (outcome.status !== 'accepted') throw new DeliveryError(outcome);
      },
    };
  }

  /** Collects a proactive message's texts, then sends them (customer-service message, or a template). */
  private followerOutlet(reference: Partial<ConversationReference>): ProactiveOutlet<ProactiveResult> {
    const openId = reference.user?.id ?? reference.conversation?.id ?? '';
    if (reference.channelId !== OA_CHANNEL_ID || !openId) throw new Error('not an Official Account conversation');
    const texts: string[] = [];
    return {
      deliver: async (message) => {
        texts.push(...message.texts);
      },
      finish: async (said) => ({ outcome: await this.options.deliver(openId, texts), lastMenu: said.menu }),
    };
  }
}
