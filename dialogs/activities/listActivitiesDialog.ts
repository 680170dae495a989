import { MessageFactory, type StatePropertyAccessor } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import type { RoutedDialogOptions } from '../mainDialog';
import type { Activity } from '../../src/activities/types';
import { ACTIVITY_TYPE_LABELS, LIST_TEXT } from '../../src/activities/copy';
import { activityCard, activityCarousel, activityDetails, dateRangeLabel } from './cards';
import { DIALOG_IDS, type ActivityDialogDeps } from './deps';
import { findByTitle, hasFilter, queryFromRecognition, type ActivityQuery } from './resolver';
import { parseButton } from './buttons';

// Few enough that a page stays a short read on a phone (and in WeChat's text menus).
const PAGE_SIZE = 3;
/** Upcoming activities looked at for one listing (the count told is of these). */
const MAX_LISTED = 100;
/** Longest listing reply, in characters read (the text, the cards and their buttons' words). */
const MAX_REPLY = 600;
/** conversation-state property: the last listing, for "更多" / "下一页" */
export const LISTING_PROPERTY = 'activityListing';
/** "更多", "下一页", "还有吗": the next page of the last listing. */
const MORE = /^(更多|下一页|再来几个|查看更多|看看更多|更多活动|还有吗|还有呢|还有别的活动吗|还有其他活动吗|还有哪些活动)[？?。!！]*$/u;

/** The message asks for the details of an activity ("沙龙的详情"). */
const DETAILS = /详情|详细|具体安排/u;

interface Listing {
  query: Omit<ActivityQuery, 'text' | 'title'>;
  /** how many were shown so far */
  shown: number;
}

/** Asked when or where an activity is held ("下一场沙龙是几号？在哪儿开"). */
const WHEN_OR_WHERE = /几号|哪天|哪一天|什么时候|啥时候|何时|日期|在哪|哪里|哪儿|地点|地址/u;

/**
 * "最近有什么活动", "下个月的沙龙", "详情：<title>", "更多": upcoming published activities as cards
 * with 报名 / 详情 buttons, filtered by type and time, a page at a time with the true count; or one
 * activity in full.
 */
export class ListActivitiesDialog extends InterruptibleDialog {
  private readonly listing?: StatePropertyAccessor<Listing | undefined>;

  constructor(private readonly deps: ActivityDialogDeps) {
    super(DIALOG_IDS.list);
    this.listing = deps.conversationState?.createProperty<Listing | undefined>(LISTING_PROPERTY);
    this.addDialog(new WaterfallDialog(`${DIALOG_IDS.list}.steps`, [this.showStep.bind(this)]));
    this.initialDialogId = `${DIALOG_IDS.list}.steps`;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const recognition = (step.options as Partial<RoutedDialogOptions>).recognition;
    // A clicked 详情 button names its activity by id; a typed "详情：<title>" by its title.
    const clicked = recognition?.button;
    if (clicked?.action === 'list_activities' && clicked.activityId !== undefined) {
      const activity = await this.deps.module.activities.get(clicked.activityId);
      await this.showDetails(step, activity?.title ?? parseButton(recognition?.text)?.title ?? '', activity);
      return step.endDialog();
    }
    const button = parseButton(recognition?.text);
    if (button?.kind === 'details') {
      await this.showDetails(step, button.title);
      return step.endDialog();
    }
    if (DETAILS.test(recognition?.text ?? '')) {
      // "招聘会的详情": the one activity meant, in full.
      const { type, dateRange } = queryFromRecognition(recognition);
      const matching = await this.deps.module.activities.listUpcoming({ type, dateRange, limit: 2 });
      if (matching.length === 1) {
        await this.showDetails(step, matching[0].title);
        return step.endDialog();
      }
    }
    const previous = MORE.test((recognition?.text ?? '').trim()) ? await this.listing?.get(step.context) : undefined;
    if (previous) await this.showList(step, previous.query, previous.shown);
    else {
      const { type, dateRange } = queryFromRecognition(recognition);
      // ("下一场沙龙是几号、在哪开": the policy gives no dates or places — the activities published do.)
      await this.showList(step, { type, dateRange }, 0, WHEN_OR_WHERE.test(recognition?.text ?? '') ? LIST_TEXT.datesNotInPolicy : '');
    }
    return step.endDialog();
  }

  private async showDetails(step: WaterfallStepContext, title: string, known?: Activity): Promise<void> {
    const activity = known ?? (await findByTitle(this.deps.module.activities, title));
    if (!activity) {
      await step.context.sendActivity(withMenu(`${LIST_TEXT.notFoundTitle(title)}${LIST_TEXT.seeRecent}`));
      return;
    }
    const seats = await this.deps.module.activities.availability(activity.id);
    await step.context.sendActivity(activityDetails(activity, seats, this.deps.clock()));
  }

  private async showList(step: WaterfallStepContext, query: Listing['query'], skip: number, before = ''): Promise<void> {
    const { activities } = this.deps.module;
    let all = await activities.listUpcoming({ type: query.type, dateRange: query.dateRange, limit: MAX_LISTED });
    let label = filterLabel(query);
    let lead = before;
    if (!all.length && hasFilter(query)) {
      all = await activities.listUpcoming({ limit: MAX_LISTED });
      lead = all.length ? `${before}${LIST_TEXT.noneMatching(label)}` : before;
      query = {};
      label = filterLabel(query);
      skip = 0;
    }
    if (!all.length) {
      await this.listing?.delete(step.context);
      await step.context.sendActivity(withMenu(`${before}${LIST_TEXT.noneAtAll}`));
      return;
    }
    if (skip >= all.length) {
      await this.listing?.delete(step.context);
      await step.context.sendActivity(withMenu(LIST_TEXT.end(label, all.length)));
      return;
    }
    const cards = await this.cards(all.slice(skip, skip + PAGE_SIZE));
    // The page's cards as many as fit one reply, their buttons counted (WeChat shows them as a numbered text menu).
    const fits = (count: number) =>
      [...LIST_TEXT.intro(label, all.length, skip + 1, skip + count), ...(skip + count < all.length ? LIST_TEXT.moreHint(all.length - skip - count) : '')].length +
        cards.slice(0, count).reduce((sum, card) => sum + readLength(card.content), 0) <=
      MAX_REPLY - [...lead].length;
    let count = cards.length;
    while (count > 1 && !fits(count)) count--;
    const shown = skip + count;
    await this.listing?.set(step.context, { query: { type: query.type, dateRange: query.dateRange }, shown });
    const intro = `${lead}${LIST_TEXT.intro(label, all.length, skip + 1, shown)}`;
    await step.context.sendActivities(activityCarousel(intro, cards.slice(0, count)));
    if (shown < all.length) {
      await step.context.sendActivity(MessageFactory.suggestedActions([LIST_TEXT.more], LIST_TEXT.moreHint(all.length - shown)));
    }
  }

  private async cards(list: Activity[]) {
    const now = this.deps.clock();
    const cards = [];
    for (const activity of list) cards.push(activityCard(activity, await this.deps.module.activities.availability(activity.id), now));
    return cards;
  }
}

/** Characters a reader meets in a card: its texts and each button's title and sent text. */
function readLength(content: unknown): number {
  if (typeof content === 'string') return [...content].length;
  if (Array.isArray(content)) return content.reduce((sum: number, v) => sum + readLength(v), 0);
  if (!content || typeof content !== 'object') return 0;
  return Object.entries(content).reduce((sum, [key, v]) => sum + (READ_KEYS.has(key) ? readLength(v) : 0), 0);
}
const READ_KEYS = new Set(['title', 'subtitle', 'text', 'displayText', 'buttons']);

/** "下个月（7月1日至7月31日）的企业沙龙" / "近期的活动". */
function filterLabel(query: Listing['query']): string {
  const range = query.dateRange ? dateRangeLabel(query.dateRange) : '';
  return LIST_TEXT.filterLabel(range, query.type ? ACTIVITY_TYPE_LABELS[query.type] : undefined);
}
