import type { Activity, Attachment, CardAction } from 'botbuilder';
import { choiceNumber, pickChoice } from '../../text/choices';
import { BUTTON_WORDING, CARD_TEXT, LINK_AS_TEXT, MENU_HEADER } from './copy';

/**
 * One numbered choice: what the user sees, the text the bot receives when it is picked, and the
 * button's structured value (messageBack), delivered as the activity's `value` like a click.
 */
export interface MenuOption {
  label: string;
  value: string;
  payload?: Record<string, unknown>;
}

/** An outgoing activity as WeChat text: one or more messages, and the menu they show. */
export interface RenderedMessage {
  texts: string[];
  menu?: MenuOption[];
}

/** Longest single WeChat message we send; longer replies are split at line boundaries. */
export const MAX_MESSAGE_CHARS = 1500;

const HERO_CARD = 'application/vnd.microsoft.card.hero';
const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const SILENT_TYPES = new Set(['typing', 'delay', 'event', 'trace', 'endOfConversation', 'handoff', 'invokeResponse']);

/**
 * Turns a Bot Framework activity into plain WeChat text. Personal WeChat has no buttons, so
 * suggested actions and card buttons become a numbered menu; links are written out.
 * Returns undefined for activities that show nothing (typing, events, empty messages).
 */
export function renderActivity(activity: Partial<Activity>, maxChars = MAX_MESSAGE_CHARS, firstNumber = 1): RenderedMessage | undefined {
  if (activity.type && SILENT_TYPES.has(activity.type)) return undefined;
  const blocks: string[] = [];
  const options: MenuOption[] = [];
  const links: string[] = [];

  if (activity.text?.trim()) blocks.push(forWechat(toPlainText(activity.text.trim())));
  for (const attachment of activity.attachments ?? []) {
    const block = renderAttachment(attachment, options, links);
    if (block) blocks.push(block);
  }
  for (const action of activity.suggestedActions?.actions ?? []) collectAction(action, options, links);

  if (links.length) blocks.push(links.join('\n'));
  const menu = dedupe(options);
  if (menu.length) blocks.push(formatMenu(menu, firstNumber));
  if (!blocks.length) return undefined;
  return { texts: splitText(blocks.join('\n\n'), maxChars), menu: menu.length ? menu : undefined };
}

/**
 * "回复数字：\n1. …\n2. …"; a later message of the same reply goes on numbering (firstNumber), so
 * every number shown before the user's next message stays valid.
 */
export function formatMenu(menu: MenuOption[], firstNumber = 1): string {
  return [MENU_HEADER, ...menu.map((option, i) => `${i + firstNumber}. ${option.label}`)].join('\n');
}

/** The bot's words for buttons, said as WeChat has them: numbers to reply, not buttons to click. */
export function forWechat(text: string): string {
  return BUTTON_WORDING.reduce((said, [pattern, wechat]) => said.replace(pattern, wechat), text);
}

/**
 * The menu option a reply picks: its number ("1", "１", "1.") or its exact text.
 * Anything else is not a menu choice and goes to the bot unchanged.
 */
export function matchMenuChoice(input: string, menu: MenuOption[] | undefined): MenuOption | undefined {
  if (!menu?.length) return undefined;
  const n = choiceNumber(input);
  if (n !== undefined) return menu[n - 1];
  const index = pickChoice(input, menu.map((o) => o.label)) ?? pickChoice(input, menu.map((o) => o.value));
  return index === undefined ? undefined : menu[index];
}

/**
 * Splits text into messages of at most `maxChars` characters (code points, so emoji stay whole),
 * at line boundaries where possible.
 */
export function splitText(text: string, maxChars = MAX_MESSAGE_CHARS): string[] {
  const pieces: string[] = [];
  for (const line of text.split('\n')) {
    const chars = Array.from(line);
    if (chars.length <= maxChars) pieces.push(line);
    else for (let i = 0; i < chars.length; i += maxChars) pieces.push(chars.slice(i, i + maxChars).join(''));
  }
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    const pieceLength = Array.from(piece).length;
    const needed = current.length ? length + 1 + pieceLength : pieceLength;
    if (current.length && needed > maxChars) {
      chunks.push(current.join('\n'));
      current = [piece];
      length = pieceLength;
    } else {
      current.push(piece);
      length = needed;
    }
  }
  if (current.length) chunks.push(current.join('\n'));
  return chunks.map((chunk) => chunk.trim()).filter(Boolean);
}

/** WeChat shows markdown literally: drop emphasis marks and write links as "text（url）". */
export function toPlainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, LINK_AS_TEXT)
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/^#{1,6}\s+/gm, '');
}

function renderAttachment(attachment: Attachment, options: MenuOption[], links: string[]): string | undefined {
  const content = attachment.content as Record<string, unknown> | undefined;
  if ((attachment.contentType === HERO_CARD || attachment.contentType === THUMBNAIL_CARD) && content) {
    const lines = [content.title, content.subtitle, content.text]
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .map((v) => forWechat(toPlainText(v.trim())));
    for (const button of (content.buttons as CardAction[] | undefined) ?? []) collectAction(button, options, links);
    return lines.join('\n') || undefined;
  }
  if (attachment.contentType === ADAPTIVE_CARD && content) return renderAdaptiveCard(content, options, links);
  if (attachment.contentUrl) {
    links.push(CARD_TEXT.labelled(attachment.name ?? CARD_TEXT.attachment, attachment.contentUrl));
    return undefined;
  }
  return attachment.name ? CARD_TEXT.named(attachment.name) : undefined;
}

/** The readable parts of an Adaptive Card: text blocks, facts, submit buttons (menu) and links. */
function renderAdaptiveCard(card: Record<string, unknown>, options: MenuOption[], links: string[]): string | undefined {
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    switch (element.type) {
      case 'TextBlock':
        if (typeof element.text === 'string' && element.text.trim()) lines.push(toPlainText(element.text.trim()));
        break;
      case 'FactSet':
        for (const fact of (element.facts as Array<{ title?: string; value?: string }> | undefined) ?? []) {
          lines.push(CARD_TEXT.labelled(fact.title ?? '', fact.value ?? ''));
        }
        break;
      case 'Action.Submit':
        if (typeof element.title === 'string') options.push({ label: element.title, value: element.title });
        break;
      case 'Action.OpenUrl':
        if (typeof element.url === 'string') links.push(CARD_TEXT.labelled(String(element.title ?? CARD_TEXT.link), element.url));
        break;
    }
    walk(element.body);
    walk(element.items);
    walk(element.columns);
    walk(element.actions);
  };
  walk(card.body);
  walk(card.actions);
  return lines.join('\n') || undefined;
}

function collectAction(action: CardAction, options: MenuOption[], links: string[]): void {
  const title = action.title?.trim();
  switch (action.type) {
    case 'openUrl':
    case 'downloadFile':
    case 'showImage':
    case 'playAudio':
    case 'playVideo':
      if (typeof action.value === 'string') links.push(title ? CARD_TEXT.labelled(title, action.value) : action.value);
      return;
    case 'call':
      if (typeof action.value === 'string') links.push(CARD_TEXT.labelled(title ?? CARD_TEXT.phone, action.value.replace(/^tel:/, '')));
      return;
  }
  const value =
    action.type === 'messageBack'
      ? (action.text ?? action.displayText ?? title)
      : typeof action.value === 'string' && action.value.trim()
        ? action.value
        : title;
  const label = title || value;
  const payload = action.type === 'messageBack' && action.value && typeof action.value === 'object' && !Array.isArray(action.value) ? (action.value as Record<string, unknown>) : undefined;
  if (label && value) options.push(payload ? { label, value, payload } : { label, value });
}

function dedupe(options: MenuOption[]): MenuOption[] {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.label) ? false : (seen.add(o.label), true)));
}
