import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { BotRuntime } from '../contracts/feature';
import { matchMenuChoice, renderActivity, type MenuOption, type RenderedMessage } from './wechat/render';

/** The numbered menu each conversation saw last, by key: what a later reply "1" refers to (MenuStore). */
export interface MenuMemory {
  get(key: string): Promise<MenuOption[] | undefined>;
  set(key: string, menu: MenuOption[] | undefined): Promise<void>;
}

/** How one channel puts a rendered reply in front of the user: say(), a passive reply, a queue… */
export interface TextOutlet {
  /** Delivers one outgoing activity as text: its messages in order, and the menu shown with the last. */
  deliver(message: RenderedMessage): Promise<void>;
  /**
   * Number each message's menu from 1, for an outlet that remembers menus message by message
   * (the WeChat send queue). Otherwise numbers go on through the turn, and all stay valid.
   */
  numberEachFromOne?: boolean;
}

/** The outlet of a proactive message: collects while the logic runs, then sends what it said. */
export interface ProactiveOutlet<R> extends TextOutlet {
  finish(said: Said): Promise<R>;
}

/** What a turn said: whether anything, and every numbered choice it showed. */
export interface Said {
  sentAny: boolean;
  menu?: MenuOption[];
}

/** A typed text read against the sender's last menu: a picked option's value replaces the number. */
export interface TypedReply {
  text: string;
  /** the picked button's structured value (messageBack), delivered as the activity's `value` */
  value?: Record<string, unknown>;
  /** what was typed, when an option was picked */
  originalText?: string;
}

export interface TextChannelOptions {
  /** The channel as errors name it ('WeChat', 'Official Account'). */
  name: string;
  menus: MenuMemory;
  /** Longest single message; longer replies are split. */
  maxChars: number;
}

/** What a text channel sent is final: editing or deleting it is refused with this error. */
export class SentMessageFinalError extends Error {
  constructor(channel: string, action: 'edit' | 'delete') {
    super(`${channel} cannot ${action} a message that was sent`);
    this.name = 'SentMessageFinalError';
  }
}

interface TurnOutput {
  outlet: TextOutlet;
  said: Said;
}

const OUTPUT = Symbol('textChannelOutput');

/**
 * The Bot Framework adapter part every text-only channel shares (wechaty, the Official Account):
 * runs the bot's turn with the shared onTurnError, renders each outgoing activity as text with the
 * one renderer (typing, delays and events show nothing; buttons become a numbered menu), remembers
 * the menu a reply "1" refers to, refuses edits, and runs proactive logic. A channel supplies only
 * how rendered text reaches the user (its outlets) and how its incoming messages become activities.
 */
export abstract class TextChannelAdapter extends BotAdapter {
  private runtime?: BotRuntime;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly textChannel: TextChannelOptions) {
    super();
  }

  /** Starts answering with `runtime`; its onTurnError handles errors of user turns. */
  attach(runtime: BotRuntime): void {
    this.runtime = runtime;
    this.onTurnError = runtime.onTurnError;
  }

  /** Whether attach() has given the adapter a bot to run. */
  protected get attached(): boolean {
    return this.runtime !== undefined;
  }

  /** Resolves when the user turns running now are done. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Reads a typed text against the menu last shown under `menuKey` ("1", "１", "1." or an option's text). */
  async readReply(menuKey: string, typed: string): Promise<TypedReply> {
    const choice = matchMenuChoice(typed, await this.textChannel.menus.get(menuKey));
    if (!choice) return { text: typed };
    // A numbered reply to a button with a value delivers that value, as a click would.
    return { text: choice.value, originalText: typed, ...(choice.payload ? { value: choice.payload } : {}) };
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const output = context.turnState.get(OUTPUT) as TurnOutput | undefined;
    if (!output) throw new Error(`this turn has no ${this.textChannel.name} conversation to send to`);
    const { outlet, said } = output;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      responses.push({ id: randomUUID() });
      const firstNumber = outlet.numberEachFromOne ? 1 : (said.menu?.length ?? 0) + 1;
      const rendered = renderActivity(activity, this.textChannel.maxChars, firstNumber);
      if (!rendered) continue;
      await outlet.deliver(rendered);
      said.sentAny = true;
      if (rendered.menu) said.menu = [...(said.menu ?? []), ...rendered.menu];
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new SentMessageFinalError(this.textChannel.name, 'edit');
  }

  override async deleteActivity(): Promise<void> {
    throw new SentMessageFinalError(this.textChannel.name, 'delete');
  }

  /**
   * Proactive messages: runs `logic` and sends what it says through the channel's proactive outlet.
   * Errors reach the caller; the shared onTurnError is for user turns only.
   */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    await this.speakFirst(reference, logic, this.proactiveOutlet(reference));
  }

  /** Where a proactive message to `reference` goes; throws when it is not this channel's conversation. */
  protected abstract proactiveOutlet(reference: Partial<ConversationReference>): ProactiveOutlet<unknown>;

  /**
   * Runs the bot for one incoming activity; what it says goes to `outlet`, and the menu it shows
   * last is remembered under `menuKey`. Errors go to the shared onTurnError.
   */
  protected async runUserTurn(activity: Partial<Activity>, outlet: TextOutlet, menuKey: string): Promise<Said> {
    const runtime = this.runtime;
    if (!runtime) throw new Error(`the ${this.textChannel.name} channel has not started`);
    const context = new TurnContext(this, activity);
    const said = this.open(context, outlet);
    const turn = this.runMiddleware(context, (ctx) => runtime.bot.run(ctx));
    this.inFlight.add(turn);
    try {
      await turn;
    } finally {
      this.inFlight.delete(turn);
    }
    // The numbered menu a reply "1" refers to is the one the user saw last.
    if (said.sentAny) await this.textChannel.menus.set(menuKey, said.menu);
    return said;
  }

  /** Runs proactive `logic` for a stored conversation, then lets `outlet` send what it said. */
  protected async speakFirst<R>(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
    outlet: ProactiveOutlet<R>,
  ): Promise<R> {
    const event: Partial<Activity> = { type: ActivityTypes.Event, name: 'continueConversation' };
    const context = new TurnContext(this, TurnContext.applyConversationReference(event, reference, true));
    const said = this.open(context, outlet);
    await logic(context);
    return outlet.finish(said);
  }

  private open(context: TurnContext, outlet: TextOutlet): Said {
    const said: Said = { sentAny: false };
    context.turnState.set(OUTPUT, { outlet, said } satisfies TurnOutput);
    return said;
  }
}
