import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

/** Lines printed for one bot activity: text, card titles and buttons as a numbered list. */
export function renderForTerminal(activity: Partial<Activity>): { lines: string[]; choices: string[] } {
  const lines: string[] = [];
  const choices: string[] = [];
  if (activity.text) lines.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: string; text?: string; buttons?: Array<{ title: string; value?: unknown }> } | undefined;
    if (card?.title) lines.push(`【${card.title}】`);
    if (card?.text) lines.push(card.text);
    for (const button of card?.buttons ?? []) choices.push(String(button.value ?? button.title));
  }
  for (const action of activity.suggestedActions?.actions ?? []) choices.push(String(action.value ?? action.title));
  if (choices.length) lines.push(choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n'), '（回复数字即可选择）');
  return { lines, choices };
}

/**
 * A console channel for quick local tries (`npm run chat`), like the samples' ConsoleAdapter:
 * one conversation, replies printed to stdout, a number picks one of the last offered buttons.
 */
export class TerminalAdapter extends BotAdapter {
  private lastChoices: string[] = [];
  readonly reference: Partial<ConversationReference>;

  constructor(
    private readonly write: (text: string) => void,
    userId = 'terminal-user',
  ) {
    super();
    this.reference = {
      channelId: 'terminal',
      serviceUrl: 'terminal://local',
      conversation: { id: `terminal-${userId}`, isGroup: false, conversationType: 'personal', name: 'terminal' },
      user: { id: userId, name: '终端用户' },
      bot: { id: 'huibot', name: '汇计划助手' },
    };
  }

  /** Turns one typed line into a message activity and runs the bot for it. */
  async receive(line: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const trimmed = line.trim();
    const picked = /^\d+$/.test(trimmed) ? this.lastChoices[Number(trimmed) - 1] : undefined;
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Message, id: randomUUID(), text: picked ?? line, timestamp: new Date(), locale: 'zh-CN' },
      this.reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message || activity.type === undefined) {
        const { lines, choices } = renderForTerminal(activity);
        if (choices.length) this.lastChoices = choices;
        this.write(`助手> ${lines.join('\n')}\n`);
      } else if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Number(activity.value) || 0));
      }
      responses.push({ id: randomUUID() });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('The terminal cannot edit a message.');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('The terminal cannot delete a message.');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
