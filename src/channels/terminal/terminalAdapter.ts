import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { TERMINAL_TEXT } from './copy';

type TerminalButton = { type?: string; title?: string; text?: string; value?: unknown };

/**
 * Lines printed for one bot activity: text, card titles and buttons as a numbered list. `choices`
 * are the texts a number sends; `values` the structured values of buttons that carry one (messageBack).
 */
export function renderForTerminal(activity: Partial<Activity>): { lines: string[]; choices: string[]; values: Array<object | undefined> } {
  const lines: string[] = [];
  const choices: string[] = [];
  const values: Array<object | undefined> = [];
  const add = (button: TerminalButton) => {
    const structured = button.type === 'messageBack' && button.value && typeof button.value === 'object' ? button.value : undefined;
    choices.push(structured ? String(button.text ?? button.title) : String(button.value ?? button.title));
    values.push(structured);
  };
  if (activity.text) lines.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: string; text?: string; buttons?: TerminalButton[] } | undefined;
    if (card?.title) lines.push(TERMINAL_TEXT.cardTitle(card.title));
    if (card?.text) lines.push(card.text);
    for (const button of card?.buttons ?? []) add(button);
  }
  for (const action of activity.suggestedActions?.actions ?? []) add(action);
  if (choices.length) lines.push(choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n'), TERMINAL_TEXT.choiceHint);
  return { lines, choices, values };
}

/**
 * A console channel for quick local tries (`npm run chat`), like the samples' ConsoleAdapter:
 * one conversation, replies printed to stdout, a number picks one of the last offered buttons.
 */
export class TerminalAdapter extends BotAdapter {
  private lastChoices: string[] = [];
  private lastValues: Array<object | undefined> = [];
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
      user: { id: userId, name: TERMINAL_TEXT.userName },
      bot: { id: 'huibot', name: TERMINAL_TEXT.botName },
    };
  }

  /** Turns one typed line into a message activity and runs the bot for it. */
  async receive(line: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const trimmed = line.trim();
    const index = /^\d+$/.test(trimmed) ? Number(trimmed) - 1 : -1;
    const picked = index >= 0 ? this.lastChoices[index] : undefined;
    // A button with a value sends it, as a click does.
    const value = picked !== undefined ? this.lastValues[index] : undefined;
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Message, id: randomUUID(), text: picked ?? line, ...(value ? { value } : {}), timestamp: new Date(), locale: 'zh-CN' },
      this.reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message || activity.type === undefined) {
        const { lines, choices, values } = renderForTerminal(activity);
        if (choices.length) {
          this.lastChoices = choices;
          this.lastValues = values;
        }
        this.write(`${TERMINAL_TEXT.botPrefix}${lines.join('\n')}\n`);
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
