import { ActionTypes, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { ReplyButton } from '../src/domain/buttons';

/**
 * A button as a Bot Framework card action. A Button with a value is a messageBack: a click sends
 * the value (`activity.value`: { action, activityId?, hui? }, which MainDialog routes without
 * recognising the text) together with the title as text (shown in the transcript, read by prompts
 * and by channels without values). A plain title is an imBack: a click sends the title.
 */
export function cardAction(button: ReplyButton): CardAction {
  if (typeof button === 'string') return { type: ActionTypes.ImBack, title: button, value: button };
  if (!button.value) return { type: ActionTypes.ImBack, title: button.title, value: button.title };
  // (No displayText: Web Chat shows the text when there is none, and a copy of the title adds nothing.)
  return { type: ActionTypes.MessageBack, title: button.title, text: button.title, value: button.value };
}

/** A text with buttons as suggested actions (buttons in Web Chat, a numbered menu in WeChat). */
export function withButtons(buttons: readonly ReplyButton[], text: string): Partial<Activity> {
  return buttons.length ? MessageFactory.suggestedActions(buttons.map(cardAction), text) : MessageFactory.text(text);
}
