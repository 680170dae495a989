import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type DialogStateManagerConfiguration,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { Intent, Recognition, Recognizer } from '../src/nlu/types';
import type { DialogRoute } from '../src/features/feature';
import { detectInterruption } from './interruptions';
import { TEXT, withMenu } from './messages';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';
/** Longest text handed to the recognizer; the rest is ignored (and the user told). */
export const MAX_TEXT = 500;
/** The turn-state key under which DialogStateManager looks for its configuration. */
const STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

/** Options every routed dialog receives from MainDialog. */
export interface RoutedDialogOptions {
  recognition: Recognition;
}

/**
 * The root dialog: recognizes each new message with the injected recognizer and starts the
 * dialog registered for its intent. Greeting, help and thanks are answered here.
 */
export class MainDialog extends ComponentDialog {
  private readonly routes = new Map<Intent, string>();
  private stateManagerConfiguration?: DialogStateManagerConfiguration;

  constructor(
    private readonly recognizer: Recognizer,
    routes: DialogRoute[],
  ) {
    super(MAIN_DIALOG);
    for (const route of routes) {
      this.addDialog(route.dialog);
      for (const intent of route.intents) this.routes.set(intent, route.dialog.id);
    }
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Runs the dialog stack for one turn (the samples' DialogHelper). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    // botbuilder-dialogs rebuilds its (stateless) memory scopes on every turn unless the turn
    // already carries them; building them once per process saves a good part of a turn's work.
    if (this.stateManagerConfiguration) context.turnState.set(STATE_MANAGER_CONFIGURATION, this.stateManagerConfiguration);
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    this.stateManagerConfiguration ??= dc.state.configuration;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const activity = step.context.activity;
    if (activity.type !== ActivityTypes.Message) return step.endDialog();
    const raw = (activity.text ?? '').trim();

    switch (detectInterruption(raw)) {
      case 'help':
        await step.context.sendActivity(withMenu(TEXT.help));
        return step.endDialog();
      case 'cancel':
        await step.context.sendActivity(withMenu(TEXT.nothingToCancel));
        return step.endDialog();
      case 'menu':
        await step.context.sendActivity(withMenu(TEXT.menu));
        return step.endDialog();
    }

    if (raw.length > MAX_TEXT) await step.context.sendActivity(TEXT.tooLong);
    const recognition = await this.recognizer.recognize(raw.slice(0, MAX_TEXT));
    const target = this.routes.get(recognition.intent);
    if (target) return step.beginDialog(target, { recognition } satisfies RoutedDialogOptions);

    switch (recognition.intent) {
      case 'greeting':
        await step.context.sendActivity(withMenu(TEXT.greeting));
        return step.endDialog();
      case 'help':
        await step.context.sendActivity(withMenu(TEXT.help));
        return step.endDialog();
      case 'thanks_bye':
        await step.context.sendActivity(TEXT.thanks);
        return step.endDialog();
    }
    // No flow for this intent: let the question-answering route (registered for 'none') decide.
    const fallback = this.routes.get('none');
    if (fallback) return step.beginDialog(fallback, { recognition } satisfies RoutedDialogOptions);
    await step.context.sendActivity(withMenu(TEXT.unavailable));
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
