import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import type { RoutedDialogOptions } from '../mainDialog';
import type { Activity } from '../../src/activities/types';
import { ACTIVITY_TYPE_LABELS } from '../../src/activities/format';
import { ACT_TEXT, activityCard, activityCarousel, activityDetails, dateRangeLabel } from './copy';
import { DIALOG_IDS, type ActivityDialogDeps } from './deps';
import { findByTitle, hasFilter, queryFromRecognition, type ActivityQuery } from './resolver';
import { parseButton } from './buttons';

// Few enough that the whole list stays a short read on a phone (and in WeChat's text menus).
const MAX_CARDS = 3;

/**
 * "最近有什么活动", "下个月的沙龙", "详情：<title>": upcoming published activities as cards with
 * 报名 / 详情 buttons, filtered by type and time; or one activity in full.
 */
export class ListActivitiesDialog extends InterruptibleDialog {
  constructor(private readonly deps: ActivityDialogDeps) {
    super(DIALOG_IDS.list);
    this.addDialog(new WaterfallDialog(`${DIALOG_IDS.list}.steps`, [this.showStep.bind(this)]));
    this.initialDialogId = `${DIALOG_IDS.list}.steps`;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const recognition = (step.options as Partial<RoutedDialogOptions>).recognition;
    const button = parseButton(recognition?.text);
    if (button?.kind === 'details') await this.showDetails(step, button.title);
    else await this.showList(step, queryFromRecognition(recognition));
    return step.endDialog();
  }

  private async showDetails(step: WaterfallStepContext, title: string): Promise<void> {
    const activity = await findByTitle(this.deps.module.activities, title);
    if (!activity) {
      await step.context.sendActivity(withMenu(`${ACT_TEXT.notFoundTitle(title)}输入“最近有什么活动”可查看近期安排。`));
      return;
    }
    const seats = await this.deps.module.activities.availability(activity.id);
    await step.context.sendActivity(activityDetails(activity, seats, this.deps.clock()));
  }

  private async showList(step: WaterfallStepContext, query: ActivityQuery): Promise<void> {
    const { activities } = this.deps.module;
    let list = await activities.listUpcoming({ type: query.type, dateRange: query.dateRange, limit: MAX_CARDS });
    let intro = `${filterLabel(query)}共 ${list.length} 项，点击“报名：活动名称”即可报名：`;
    if (!list.length && hasFilter(query)) {
      list = await activities.listUpcoming({ limit: MAX_CARDS });
      intro = list.length ? `暂时没有${filterLabel(query)}。以下是近期其他活动：` : '';
    }
    if (!list.length) {
      await step.context.sendActivity(withMenu(ACT_TEXT.noneAtAll));
      return;
    }
    await step.context.sendActivity(activityCarousel(intro, await this.cards(list)));
    if (list.length === MAX_CARDS) await step.context.sendActivity(MessageFactory.text('以上是最近的活动。想看某类活动，可以说“下个月的沙龙”“最近的培训”等。'));
  }

  private async cards(list: Activity[]) {
    const now = this.deps.clock();
    const cards = [];
    for (const activity of list) cards.push(activityCard(activity, await this.deps.module.activities.availability(activity.id), now));
    return cards;
  }
}

/** "下个月（7月1日至7月31日）的企业沙龙" / "近期的活动". */
function filterLabel(query: ActivityQuery): string {
  const range = query.dateRange ? dateRangeLabel(query.dateRange) : '';
  const what = query.type ? ACTIVITY_TYPE_LABELS[query.type] : '活动';
  return `${range ? `${range}` : '近期'}的${what}`;
}
