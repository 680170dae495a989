import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ActivityTypes } from 'botbuilder';
import { detectInterruption } from './interruptions';
import { TEXT, withMenu } from './messages';

/**
 * Base of every multi-turn flow: 帮助 / 取消 / 返回主菜单 work at any step.
 * 帮助 shows the help and keeps the flow waiting at the same step.
 */
export class InterruptibleDialog extends ComponentDialog {
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    if (innerDc.context.activity.type !== ActivityTypes.Message) return undefined;
    switch (detectInterruption(innerDc.context.activity.text)) {
      case 'help':
        await innerDc.context.sendActivity(TEXT.help);
        await innerDc.context.sendActivity(TEXT.helpInFlow);
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await innerDc.context.sendActivity(withMenu(TEXT.cancelled));
        return innerDc.cancelAllDialogs(true);
      case 'menu':
        await innerDc.context.sendActivity(withMenu(TEXT.menu));
        return innerDc.cancelAllDialogs(true);
      default:
        return undefined;
    }
  }
}
