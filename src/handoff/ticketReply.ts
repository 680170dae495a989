import { MessageFactory, type Activity } from 'botbuilder';
import { TICKET_REPLY_TEXT } from './copy';

/**
 * An official's reply as it goes into the user's conversation. Officials' text is sent as plain
 * text: line breaks are kept, nothing in it is read as Markdown.
 */
export function ticketReplyActivity(ticketId: number, text: string): Partial<Activity> {
  return { ...MessageFactory.text(`${TICKET_REPLY_TEXT.header(ticketId)}\n${text}\n\n${TICKET_REPLY_TEXT.footer}`), textFormat: 'plain' };
}
