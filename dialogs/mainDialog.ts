import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { MAX_ANALYSED_CHARS } from '../src/text/normalize';
import { readableWithin } from '../src/nlu/longMessage';
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
import type { Recognition, Recognizer } from '../src/nlu/types';
import type { Intent } from '../src/domain/vocabulary';
import { readButtonValue } from '../src/domain/buttons';
import { planFrame, TURN_RECOGNITION, type RouteGroup } from '../src/nlu/frame';
import { correctFacts, onlyAmends, onlySupplies, withFacts } from '../src/nlu/correction';
import { applyTypoFix, starredWord } from '../src/nlu/typoFix';
import type { StatedFacts } from '../src/domain/enterprise';
import { systemClock, type Clock } from '../src/clock';
import type { DialogRoute } from '../src/contracts/feature';
import { INTERRUPTION_SERVICES, detectInterruption, interruptionServices, isFlowExit, type InterruptionServices } from './interruptions';
import { TEXT, withMenu } from './messages';

export const MAIN_DIALOG = 'mainDialog';
/** The intents MainDialog answers itself (`servedBy: main` in knowledge/nlu/intents.yaml). */
export const MAIN_INTENTS: readonly Intent[] = ['greeting', 'help', 'thanks_bye'];
const MAIN_WATERFALL = 'mainWaterfall';
/** Longest text handed to the recognizer (what it reads); the rest is ignored, and the user told. */
export const MAX_TEXT = MAX_ANALYSED_CHARS;
/** The turn-state key under which DialogStateManager looks for its configuration. */
const STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

/** The last message that asked the Q&A or the advisor something: a correction right after answers it again. */
export interface LastAsked {
  text: string;
  /** the facts after corrections made since (absent: the message's own) */
  facts?: StatedFacts;
  /** epoch ms */
  at: number;
  /** the last message that asked anything at all (and when): what "*市级" fixes a typo of */
  latest?: { text: string; at: number };
}

/** conversation-state property holding the LastAsked */
export const LAST_ASKED_PROPERTY = 'lastAsked';
/** How long a question stays the one a correction refers to. */
const CORRECTION_WINDOW_MS = 30 * 60_000;
/** The intents whose answers depend on the enterprise's facts. */
const FACT_ANSWERED: readonly Intent[] = ['policy_question', 'none', 'which_tier', 'what_support'];

/** Told each new message's recognition (see Feature.observeRecognition). */
export type RecognitionObserver = (context: TurnContext, recognition: Recognition) => Promise<void>;

/** Options every routed dialog receives from MainDialog. */
export interface RoutedDialogOptions {
  recognition: Recognition;
  /** the route claimed the message before intent routing (see DialogRoute.claims) */
  claimed?: boolean;
  /** the questions of the message this dialog answers (a frame with several questions), in order */
  questions?: Recognition[];
  /** other questions of the message are answered after this dialog */
  more?: boolean;
  /** earlier questions of the message were answered before this dialog */
  after?: boolean;
  /** the request ended a flow in progress first (取消报名 typed during a sign-up), which said so */
  afterLeaving?: boolean;
}

/**
 * The root dialog: recognizes each new message with the injected recognizer and starts the
 * dialog registered for its intent. Greeting, help and thanks are answered here.
 */
export class MainDialog extends ComponentDialog {
  private readonly routes = new Map<Intent, string>();
  private readonly claimants: DialogRoute[];
  private stateManagerConfiguration?: DialogStateManagerConfiguration;
  private dialogSet?: { accessor: StatePropertyAccessor<DialogState>; set: DialogSet };
  /** What every flow's base dialog uses to serve commands and questions typed at its prompts. */
  private readonly interruptions: InterruptionServices;

  constructor(
    private readonly recognizer: Recognizer,
    routes: DialogRoute[],
    /** told every new message's recognition before its flow runs (Feature.observeRecognition) */
    private readonly observers: RecognitionObserver[] = [],
    /** where the last question is kept for corrections (none: a correction is not replayed) */
    private readonly lastAsked?: StatePropertyAccessor<LastAsked | undefined>,
    private readonly clock: Clock = systemClock,
    /** what earlier turns told about the enterprise (the advisor's saved profile): what a correction may amend */
    private readonly knownFacts?: (context: TurnContext) => Promise<StatedFacts | undefined>,
  ) {
    super(MAIN_DIALOG);
    this.claimants = routes.filter((r) => r.claims);
    for (const route of routes) {
      this.addDialog(route.dialog);
      for (const intent of route.intents) this.routes.set(intent, route.dialog.id);
    }
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
    this.interruptions = { recognizer, dialogFor: (intent) => this.routes.get(intent), observe: (context, r) => this.observe(context, r) };
  }

  /** Runs the dialog stack for one turn (the samples' DialogHelper). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    // botbuilder-dialogs rebuilds its (stateless) memory scopes on every turn unless the turn
    // already carries them; building them once per process saves a good part of a turn's work.
    if (this.stateManagerConfiguration) context.turnState.set(STATE_MANAGER_CONFIGURATION, this.stateManagerConfiguration);
    // One recognizer per turn that recognises a text once: a route's claim, the router and a prompt's
    // interruption check all read the same recognition of the message.
    context.turnState.set(INTERRUPTION_SERVICES, { ...this.interruptions, recognizer: oncePerTurn(this.recognizer) });
    // The set holds only this dialog and the accessor: one per accessor, not one per turn.
    if (this.dialogSet?.accessor !== accessor) this.dialogSet = { accessor, set: new DialogSet(accessor).add(this) };
    const dc = await this.dialogSet.set.createContext(context);
    this.stateManagerConfiguration ??= dc.state.configuration;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The rest of a message with several questions, after the dialog that answered the first ones.
    const pending = (step.options as { pending?: RouteGroup[] } | undefined)?.pending;
    if (pending?.length) return this.beginGroup(step, pending);
    const activity = step.context.activity;
    if (activity.type !== ActivityTypes.Message) return step.endDialog();
    const raw = (activity.text ?? '').trim();
    for (const route of this.claimants) {
      if (await route.claims!(step.context)) {
        // A reply to a 服务专员's ticket, not a question to the bot: not counted in the statistics.
        const recognition = await this.turnRecognizer(step.context).recognize(readableWithin(raw, MAX_TEXT));
        await this.observe(step.context, recognition);
        return step.beginDialog(route.dialog.id, { recognition, claimed: true } satisfies RoutedDialogOptions);
      }
    }

    // A clicked button carrying a value (messageBack): straight to the dialog of its action's
    // intent, without recognising the text; the dialog reads the activity or 汇 from the value.
    const button = readButtonValue(activity.value);
    const buttonTarget = button && this.routes.get(button.action);
    if (button && buttonTarget) {
      const text = raw.slice(0, MAX_TEXT);
      const recognition: Recognition = { text, normalized: text, intent: button.action, intentScore: 1, entities: {}, candidates: [], button };
      step.context.turnState.set(TURN_RECOGNITION, recognition);
      return step.beginDialog(buttonTarget, { recognition } satisfies RoutedDialogOptions);
    }

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

    if ([...raw].length > MAX_TEXT) await step.context.sendActivity(TEXT.tooLong);
    const said = await this.turnRecognizer(step.context).recognize(readableWithin(raw, MAX_TEXT));
    step.context.turnState.set(TURN_RECOGNITION, said);
    await this.observe(step.context, said);
    const recognition = (await this.replayIfCorrection(step.context, said)) ?? said;
    const groups = planFrame(recognition, (intent) => this.routes.get(intent) ?? this.routes.get('none'));
    if (groups) return this.beginGroup(step, groups);
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

  /**
   * A message that only corrects, adds or supplies facts ("说错了，是市级的", "另外我们还评过区级",
   * "我们是市级的，2025年认定") after a question whose answer they change gets that question answered
   * again with the facts as they are now; any such question is remembered for such a message.
   */
  private async replayIfCorrection(context: TurnContext, recognition: Recognition): Promise<Recognition | undefined> {
    if (!this.lastAsked) return undefined;
    const now = this.clock().getTime();
    const fixed = await this.typoFixed(context, recognition, now);
    if (fixed) return fixed;
    const amends = onlyAmends(recognition);
    if (amends || onlySupplies(recognition)) {
      const last = await this.lastAsked.get(context);
      if (!last || now - last.at > CORRECTION_WINDOW_MS) return undefined;
      const previous = await this.recognizer.recognize(last.text);
      // (What the enterprise's profile learnt after that question — a correction taken at an advisor question —
      // stands over what the question itself said.)
      const known = await this.knownFacts?.(context).catch(() => undefined);
      const stale = known?.knownAt !== undefined && known.knownAt > last.at;
      const stated = stale ? known : (last.facts ?? previous.frame?.facts);
      // "不对，是2025年评的" after an answer the advisor gave from facts asked in its form: what it amends is the profile
      // (read once above).
      const facts = correctFacts(stated, recognition.frame!.facts!) ?? amendKnown(known, stated, recognition.frame!.facts!);
      if (!facts) return undefined;
      await this.lastAsked.set(context, { text: last.text, facts, at: now });
      await context.sendActivity(!amends ? TEXT.suppliedReplay : recognition.frame!.facts!.correction ? TEXT.correctedReplay : TEXT.amendedReplay);
      const replayed = withFacts(previous, facts);
      // What the facts are now is kept (a year corrected alone names no honour the observers could keep).
      await this.observe(context, replayed);
      return replayed;
    }
    const asks = recognition.frame?.clauses.some((c) => c.kind === 'ask') ?? true;
    const questions = recognition.frame?.questions ?? [recognition];
    // Only a question whose answer the facts change: "招聘一年几场" typed in between is not what they answer.
    if (asks && !recognition.offTopicRequest && !recognition.inputProblem && questions.some((q) => FACT_ANSWERED.includes(q.intent) && q.dependsOnFacts !== false)) {
      await this.lastAsked.set(context, { text: recognition.text, at: now, latest: { text: recognition.text, at: now } });
    } else if (asks && !recognition.inputProblem) {
      // (Before any question the facts answer, the one kept is empty and long past: no correction replays it.)
      const last = await this.lastAsked.get(context);
      await this.lastAsked.set(context, { ...(last ?? { text: '', at: 0 }), latest: { text: recognition.text, at: now } });
    }
    return undefined;
  }

  /** "*市级" right after a message with a typo (是级): that message again, as it was meant. */
  private async typoFixed(context: TurnContext, recognition: Recognition, now: number): Promise<Recognition | undefined> {
    const word = starredWord(recognition.text);
    if (!word || !this.lastAsked) return undefined;
    const last = await this.lastAsked.get(context);
    const latest = last?.latest;
    if (!latest || now - latest.at > CORRECTION_WINDOW_MS) return undefined;
    const text = applyTypoFix(latest.text, word);
    if (!text) return undefined;
    await context.sendActivity(TEXT.correctedReplay);
    const replayed = await this.recognizer.recognize(text);
    await this.lastAsked.set(context, { ...last, ...(last.text === latest.text ? { text, at: now } : {}), latest: { text, at: now } });
    await this.observe(context, replayed);
    return replayed;
  }

  private turnRecognizer(context: TurnContext): Recognizer {
    return interruptionServices(context)?.recognizer ?? this.recognizer;
  }

  /** Tells the observers what the message said; one that fails never breaks the turn. */
  private async observe(context: TurnContext, recognition: Recognition): Promise<void> {
    for (const observer of this.observers) await observer(context, recognition).catch(() => undefined);
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // A flow left for another request (取消报名 typed during a sign-up): serve that request now.
    if (isFlowExit(step.result)) {
      const target = this.routes.get(step.result.next.intent);
      if (target) return step.beginDialog(target, { recognition: step.result.next.recognition, afterLeaving: true } satisfies RoutedDialogOptions);
    }
    const rest = (step.values as { rest?: RouteGroup[] }).rest;
    if (rest?.length) return step.replaceDialog(MAIN_WATERFALL, { pending: rest });
    return step.endDialog();
  }

  /** Starts the dialog of the first group; the others follow when it ends. */
  private async beginGroup(step: WaterfallStepContext, [group, ...rest]: RouteGroup[]): Promise<DialogTurnResult> {
    const after = (step.options as { pending?: RouteGroup[] } | undefined)?.pending !== undefined;
    (step.values as { rest?: RouteGroup[] }).rest = rest;
    return step.beginDialog(group.dialogId, { recognition: group.recognition, questions: group.questions, more: rest.length > 0, after } satisfies RoutedDialogOptions);
  }
}

/** The correction applied to what is known of the enterprise, with the earlier message's own facts over it. */
function amendKnown(known: StatedFacts | undefined, stated: StatedFacts | undefined, correction: StatedFacts): StatedFacts | undefined {
  if (!known) return undefined;
  return correctFacts(stated ? (correctFacts(known, stated) ?? known) : known, correction);
}

/** A recognizer that recognises each text once (for one turn: the memo lives as long as the turn). */
function oncePerTurn(recognizer: Recognizer): Recognizer {
  const seen = new Map<string, Promise<Recognition>>();
  return {
    recognize(text: string) {
      let recognition = seen.get(text);
      if (!recognition) seen.set(text, (recognition = recognizer.recognize(text)));
      return recognition;
    },
  };
}
