/**
 * The floor of a stateful dialog bot, for the HTTP benchmark (`--only huibot,echobot,dialogbot`):
 * a botbuilder bot with no NLU that does on every message what any Bot Framework bot keeping
 * conversation state and running a dialog does —
 *
 *   load the conversation's and the user's state (huibot's SqlStorage-backed TurnConversationState
 *   and TurnUserState, prefetched and saved with src/bot/state.ts's helpers, as huibot does),
 *   continue the dialog stack, or begin the dialog when nothing waits, send one reply, save state.
 *
 * The dialog: a ComponentDialog holding a WaterfallDialog and a TextPrompt. Step 1 prompts with
 * "echo: <text>" (the turn's one reply) and waits; on the next message the prompt completes, step 2
 * ends the waterfall and the component, and the bot begins the dialog again for that message. So
 * each turn continues one dialog and begins another (the dialog state changes, and is written,
 * every turn), the way a bot's prompt-and-answer turns go. The user's state is read on every turn
 * (one property) and not changed, as on most of huibot's turns.
 */
import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { prefetchStates, saveStates } from '../../src/bot/state';

const ECHO_DIALOG = 'echoDialog';
const ECHO_WATERFALL = 'echoWaterfall';
const ECHO_PROMPT = 'echoPrompt';

/** One prompt-and-answer: step 1 asks "echo: <text>", step 2 takes the answer and ends. */
export class EchoDialog extends ComponentDialog {
  constructor() {
    super(ECHO_DIALOG);
    this.addDialog(new TextPrompt(ECHO_PROMPT));
    this.addDialog(
      new WaterfallDialog(ECHO_WATERFALL, [
        async (step: WaterfallStepContext) => step.prompt(ECHO_PROMPT, { prompt: `echo: ${step.context.activity.text ?? ''}` }),
        async (step: WaterfallStepContext) => step.endDialog(step.result),
      ]),
    );
    this.initialDialogId = ECHO_WATERFALL;
  }
}

export class DialogBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<{ name?: string } | undefined>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');
    this.profile = userState.createProperty<{ name?: string } | undefined>('profile');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new EchoDialog());
    this.onMessage(async (context, next) => {
      await this.profile.get(context);
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      // Nothing was waiting, or the answer ended the dialog: begin it for this message.
      if (result.status !== DialogTurnStatus.waiting) await dc.beginDialog(ECHO_DIALOG);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await prefetchStates(context, [this.conversationState, this.userState]);
    await super.run(context);
    await saveStates(context, [this.conversationState, this.userState]);
  }
}
