import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { cancelButton, parseButton } from './buttons';
import { withButtons } from '../buttons';
import type { Recognition } from '../../src/nlu/types';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { looksLikeQuestion, FLOW_NAMES, interruptionServices } from '../interruptions';
import { InterruptibleDialog } from '../interruptibleDialog';
import { AFTER_SIGNUP_ACTIONS, withMenu } from '../messages';
import type { RoutedDialogOptions } from '../mainDialog';
import type { Activity, Tier } from '../../src/activities/types';
import { isActivityError } from '../../src/activities/errors';
import { formatDateTime, formatTiers } from '../../src/activities/format';
import { ACTIVITY_TYPE_LABELS, CONSENT_TEXT, FIELD_TEXT, FORM_TEXT, LIST_TEXT, REGISTRATION_STATUS_LABELS, SIGNUP_TEXT, STATUS_TEXT } from '../../src/activities/copy';
import { referenceKey } from '../../src/storage/conversationReferences';
import { SIGNUP_NOTICE_ID, SIGNUP_NOTICE_VERSION, signupNoticeText } from '../../src/activities/notice';
import { isValidCreditCode } from '../../src/activities/validation/creditCode';
import { parseTier } from '../../src/activities/validation/tier';
import { validatePositions } from '../../src/activities/validation/positions';
import { activityDetails, confirmationText, confirmedText, formSummary, waitlistedText, type SignUpForm } from './cards';
import { DIALOG_IDS, type ActivityDialogDeps } from './deps';
import { ENTERPRISE_PROFILE_PROPERTY } from '../../src/advisor/profile';
import { EDIT_RESULT_PREFIX, FIELD_PROMPT, fieldToEdit, newValueSaid, askChoice, askConsent, askField, askSummary, askTier, createFieldPrompt, detailsTyped, askTypedCode, parseConsent, type FieldKind } from './prompts';
import { findByTitle, findTitleInText, hasFilter, queryFromRecognition } from './resolver';
import { looseText } from '../../src/text/choices';
import { extractSignUpSlots, profileHints, tierFromEntities } from './slots';

/** How the dialog is started: from MainDialog (recognition) or by itself (restart, retry). */
export interface SignUpOptions extends Partial<RoutedDialogOptions> {
  activityId?: number;
  tier?: Tier;
  /** the user agreed to be waitlisted */
  waitlistOk?: boolean;
  /** when the user accepted the notice (ISO) */
  consentAt?: string;
  form?: SignUpForm;
  /** do not offer earlier details again (the user chose 重新填写) */
  skipReuse?: boolean;
}

/** Values kept across the steps of one run. */
interface SignUpValues {
  activityId?: number;
  candidates?: Array<{ id: number; title: string }>;
  tier?: Tier;
  consentAt?: string;
  form: SignUpForm;
  reuse?: SignUpForm;
  /** a code typed before its step whose check character is its only fault: that step asks to check it */
  uncheckedCode?: string;
}

const STEPS = `${DIALOG_IDS.signUp}.steps`;

/**
 * The activity of a sign-up form open below `dc` (a request served on top of one of its prompts),
 * or undefined: what "我的报名" typed in the form should mention, as it is not submitted yet.
 */
export function activityBeingSignedUp(dc: DialogContext): number | undefined {
  for (let at: DialogContext | undefined = dc; at; at = at.parent) {
    for (const instance of at.stack) {
      const values = instance.id === STEPS ? ((instance.state as { values?: Partial<SignUpValues> } | undefined)?.values) : undefined;
      if (values?.activityId !== undefined) return values.activityId;
    }
  }
  return undefined;
}
/** A question about the activity itself (place, time, seats, deadline, link). */
const ABOUT_THE_ACTIVITY = /在哪|哪里|地点|地址|几点|什么时候|时间|名额|位置|截止|线上|线下|链接|多长/u;
const ABOUT_THE_FEE = /交钱|交费|收费|要钱|收钱|付费|免费|费用|花钱/u;
/**
 * What one activity's details cannot tell ("这个招聘会一年办几场", "谁主办的"): the question goes to the
 * policy answers, which know the measure behind the activity, whatever else it asks. ("我的报名在哪里看" asks for the
 * user's sign-ups, not where the activity is.)
 */
const BEYOND_THE_DETAILS = /几场|几次|几期|多少场|多少次|一年|每年|多久一次|频率|频次|谁(来)?(办|组织|负责|主办|牵头)|哪个部门|哪些部门|责任单位|哪些企业|什么企业|条件|我的报名|我们的报名|报名记录|报了哪些|报名情况/u;
/** The activity itself asked about ("这个活动收费吗"), not a measure named ("深度诊断收费吗"). */
const THIS_ACTIVITY = /这个|这场|这次|这期|本次|本场|活动/u;

/** The sign-up's values while one of its prompts is active (an interruption reads and amends them). */
function formValues(innerDc: DialogContext): Partial<SignUpValues> | undefined {
  return innerDc.stack.find((i) => i.id === STEPS)?.state?.values as Partial<SignUpValues> | undefined;
}

/** A field's new value said in a correction: the form's value and the summary's line for it. */
function changedField(field: Exclude<FieldKind, 'positions'>, said: string): { form: SignUpForm; line: string } {
  if (field === 'attendees') return { form: { attendees: Number(said) }, line: FORM_TEXT.attendees(Number(said)) };
  return { form: { [field]: said }, line: FORM_TEXT[field](said) };
}

/**
 * 活动报名: activity → eligibility (tier, seats) → personal-information notice and explicit consent →
 * enterprise, credit code, contact, mobile, attendees (and job-fair positions) → summary → submit.
 * Whatever the first message already said (activity, type and date, code, mobile...) is not asked again.
 */
export class SignUpDialog extends InterruptibleDialog {
  protected override namedBy = FLOW_NAMES.signUp;
  private readonly profile: StatePropertyAccessor<unknown>;
  protected override resumePrefix = SIGNUP_TEXT.resumePrefix;
  protected override leaveText = SIGNUP_TEXT.left;
  protected override endsOn = ['cancel_signup'] as const;
  protected override restartText = SIGNUP_TEXT.switched;

  /** 报名 for an activity named by a button, a type or a date: that sign-up instead of this one. */
  protected override restartsWith(recognition: Recognition): boolean {
    return recognition.button?.action === 'sign_up' || parseButton(recognition.text)?.kind === 'sign_up' || Boolean(recognition.entities.activityType || recognition.entities.dateRange);
  }

  constructor(private readonly deps: ActivityDialogDeps) {
    super(DIALOG_IDS.signUp);
    this.profile = deps.userState.createProperty(ENTERPRISE_PROFILE_PROPERTY);
    this.addDialog(createFieldPrompt());
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.chooseActivityStep.bind(this),
        this.checkActivityStep.bind(this),
        this.checkTierStep.bind(this),
        this.consentStep.bind(this),
        this.reuseStep.bind(this),
        this.enterpriseNameStep.bind(this),
        this.creditCodeStep.bind(this),
        this.contactNameStep.bind(this),
        this.mobileStep.bind(this),
        this.attendeesStep.bind(this),
        this.positionsStep.bind(this),
        this.summaryStep.bind(this),
        this.submitStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  /** A "是" to the sign-up the Q&A just offered (see SignUpOffers): this dialog takes the message. */
  async claims(context: TurnContext): Promise<boolean> {
    return (await this.deps.offers?.taken(context)) ?? false;
  }

  /** Started by taking an offer: the kind of activity offered is what the form signs up for. */
  override async beginDialog(outerDc: DialogContext, options?: SignUpOptions): Promise<DialogTurnResult> {
    const offer = options?.claimed ? await this.deps.offers?.take(outerDc.context) : undefined;
    const recognition = options?.recognition;
    if (!offer || !recognition) return super.beginDialog(outerDc, options);
    const entities = { ...recognition.entities, ...(offer.type ? { activityType: offer.type } : {}) };
    return super.beginDialog(outerDc, { ...options, recognition: { ...recognition, intent: 'sign_up', entities } });
  }

  private values(step: WaterfallStepContext): SignUpValues {
    const v = step.values as SignUpValues;
    v.form ??= {};
    return v;
  }

  private options(step: WaterfallStepContext): SignUpOptions {
    return (step.options ?? {}) as SignUpOptions;
  }

  private async activity(step: WaterfallStepContext): Promise<Activity | undefined> {
    const id = this.values(step).activityId;
    return id === undefined ? undefined : this.deps.module.activities.get(id);
  }

  /**
   * "在哪里举办", "几点开始", "还有名额吗" about the activity being signed up for: its details; "参加这个活动
   * 要交钱吗": that no fee is stated (activities record none, and the policy lists none).
   */
  protected override async answerInFlow(innerDc: DialogContext, text: string): Promise<boolean> {
    if (await this.keepDetailsAtNotice(innerDc, text)) return true;
    if (await this.correctEarlierField(innerDc, text)) return true;
    const aboutFee = ABOUT_THE_FEE.test(text) && THIS_ACTIVITY.test(text);
    if ((!ABOUT_THE_ACTIVITY.test(text) && !aboutFee) || !looksLikeQuestion(text) || BEYOND_THE_DETAILS.test(text)) return false;
    if (await this.namesAnotherTopic(innerDc.context, text)) return false;
    const values = formValues(innerDc);
    if (values?.activityId === undefined) return false;
    const activity = await this.deps.module.activities.get(values.activityId);
    if (!activity) return false;
    if (aboutFee) {
      await innerDc.context.sendActivity(SIGNUP_TEXT.feeNotStated(activity.title));
      return true;
    }
    const seats = await this.deps.module.activities.availability(activity.id);
    await innerDc.context.sendActivity(MessageFactory.text(activityDetails(activity, seats, this.deps.clock()).text ?? ''));
    return true;
  }

  /**
   * "对接链主企业的供需专区是在哪个平台上的": a topic of the policy named, not the activity's details (where, when) — the
   * question goes to the Q&A.
   */
  private async namesAnotherTopic(context: TurnContext, text: string): Promise<boolean> {
    if (THIS_ACTIVITY.test(text)) return false;
    const recognition = await interruptionServices(context)?.recognizer.recognize(text).catch(() => undefined);
    return (recognition?.topics?.length ?? 0) > 0 && !recognition!.entities.activityType && !recognition!.entities.activityTypes?.length;
  }

  /**
   * Details typed at the notice instead of 同意 (the name, the credit code, a mobile…: the notice lists
   * them, so users often give them right away): kept for the form, not asked again after consent, and
   * the notice asked again — consent is never assumed.
   */
  private async keepDetailsAtNotice(innerDc: DialogContext, text: string): Promise<boolean> {
    const prompt = innerDc.activeDialog?.state as { options?: { validations?: { field?: string } } } | undefined;
    if (prompt?.options?.validations?.field !== 'consent' || parseConsent(text)) return false;
    const { uncheckedCode, ...typed } = detailsTyped(text);
    const values = formValues(innerDc);
    if ((!Object.keys(typed).length && !uncheckedCode) || !values) return false;
    // (What is typed now is the latest word: "公司名写错了 应该是…" replaces the name the first message gave.)
    values.form = { ...values.form, ...typed };
    if (uncheckedCode && !typed.creditCode) {
      // (A code to check replaces one given before: its own step asks about it.)
      values.uncheckedCode = uncheckedCode;
      delete values.form.creditCode;
    }
    await innerDc.context.sendActivity(SIGNUP_TEXT.keptBeforeConsent);
    return true;
  }

  /**
   * "等下，公司名称写错了，应该是…" typed at another field's prompt: the earlier field takes the value said
   * (checked as its own step would), and the prompt is asked again. Nothing typed is lost.
   */
  private async correctEarlierField(innerDc: DialogContext, text: string): Promise<boolean> {
    const prompt = innerDc.activeDialog?.state as { options?: { validations?: { field?: string; edit?: boolean } } } | undefined;
    const asked = prompt?.options?.validations;
    const field = fieldToEdit(text);
    const values = formValues(innerDc);
    if (!field || field === 'positions' || !asked?.field || asked.edit || asked.field === field || !values?.form || values.form[field] === undefined) return false;
    const activity = values.activityId === undefined ? undefined : await this.deps.module.activities.get(values.activityId);
    const said = newValueSaid(field, text, activity?.seatsPerEnterprise);
    if (said === undefined) return false;
    const changed = changedField(field, said);
    values.form = { ...values.form, ...changed.form };
    await innerDc.context.sendActivity(SIGNUP_TEXT.fieldChanged(changed.line));
    return true;
  }

  /** Says at once that the user or the enterprise is signed up already (with 我的报名 / 取消报名). */
  private async stopIfRegistered(step: WaterfallStepContext, activity: Activity, creditCode: string | undefined): Promise<boolean> {
    const { registrations } = this.deps.module;
    const { channelId, from } = step.context.activity;
    const mine = (await registrations.listForUser(channelId, from.id)).find(
      (v) => v.activity.id === activity.id && v.registration.status !== 'cancelled',
    )?.registration;
    const existing = mine ?? (creditCode ? await registrations.findActive(activity.id, creditCode) : undefined);
    if (!existing) return false;
    if (!mine) {
      this.values(step).form = {};
      await step.context.sendActivity(withMenu(SIGNUP_TEXT.registeredByColleague(activity.title)));
      return true;
    }
    const position = existing.status === 'waitlisted' ? await registrations.waitlistPosition(existing.id) : undefined;
    // (Signed up and confirmed says itself: only another status is named.)
    const status = position ? STATUS_TEXT.waitlisted(position) : existing.status === 'confirmed' ? undefined : REGISTRATION_STATUS_LABELS[existing.status];
    this.values(step).form = {};
    await step.context.sendActivity(
      withButtons([SIGNUP_TEXT.mySignups, cancelButton(activity)], SIGNUP_TEXT.alreadyRegistered(activity.title, status)),
    );
    return true;
  }

  /** "好的，为您报名「…」（…）": the activity picked from what the user said, named before anything is asked. */
  private async namePicked(step: WaterfallStepContext, activity: Activity): Promise<void> {
    await step.context.sendActivity(SIGNUP_TEXT.signingUpFor(activity.title, ACTIVITY_TYPE_LABELS[activity.type], formatDateTime(activity.startsAt, this.deps.clock())));
  }

  // 1. Which activity: given, from a button title, a title in the text, or type + date; else a choice.
  private async chooseActivityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = this.options(step);
    const values = this.values(step);
    values.form = { ...(options.form ?? {}), ...(options.recognition ? extractSignUpSlots(options.recognition.text) : {}) };
    values.tier = options.tier ?? tierFromEntities(options.recognition?.entities);
    values.consentAt = options.consentAt;
    if (options.activityId !== undefined) return step.next(options.activityId);
    // A clicked 报名 button names its activity by id.
    const clicked = options.recognition?.button;
    if (clicked?.action === 'sign_up' && clicked.activityId !== undefined) return step.next(clicked.activityId);

    const { activities } = this.deps.module;
    const query = queryFromRecognition(options.recognition);
    if (query.title) {
      const found = await findByTitle(activities, query.title);
      // (A typed part of a title — "报名：专精特新企业沙龙" — is answered with the activity it picked.)
      if (found && looseText(found.title) !== looseText(query.title)) {
        await this.namePicked(step, found);
      }
      if (found) return step.next(found.id);
      await step.context.sendActivity(LIST_TEXT.notFoundTitle(query.title));
    } else {
      const inText = await findTitleInText(activities, query.text);
      // (Picked by a part of its title — "供需对接专场" — the activity is named before anything is asked.)
      if (inText && !looseText(query.text ?? '').includes(looseText(inText.title)) && inText.signupDeadline > this.deps.clock().toISOString()) {
        await this.namePicked(step, inText);
      }
      if (inText) return step.next(inText.id);
    }

    const now = this.deps.clock().toISOString();
    const isOpen = (a: Activity) => a.signupDeadline > now;
    if (hasFilter(query)) {
      const matching = await activities.listUpcoming({ type: query.type, dateRange: query.dateRange, limit: 20 });
      if (matching.length === 1) {
        // Closed ones go on too: the next step says why they cannot be signed up for.
        if (isOpen(matching[0])) await this.namePicked(step, matching[0]);
        return step.next(matching[0].id);
      }
      const open = matching.filter(isOpen);
      if (open.length) return this.askActivity(step, open);
      await step.context.sendActivity(matching.length ? SIGNUP_TEXT.matchingAllClosed : SIGNUP_TEXT.noneMatching);
    }
    const open = (await activities.listUpcoming({ limit: 20 })).filter(isOpen);
    if (!open.length) {
      await step.context.sendActivity(withMenu(SIGNUP_TEXT.noneOpen));
      return step.endDialog();
    }
    if (open.length === 1 && !hasFilter(query)) {
      await step.context.sendActivity(SIGNUP_TEXT.onlyOpen(open[0].title));
      return step.next(open[0].id);
    }
    return this.askActivity(step, open);
  }

  private async askActivity(step: WaterfallStepContext, list: Activity[]): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.candidates = list.map((a) => ({ id: a.id, title: a.title }));
    return step.prompt(FIELD_PROMPT, askChoice(SIGNUP_TEXT.chooseActivity, values.candidates.map((c) => c.title), SIGNUP_TEXT.chooseActivityRetry));
  }

  // 2. Is sign-up open; does the activity limit tiers we do not know yet?
  private async checkActivityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.activityId = typeof step.result === 'number' ? step.result : values.candidates?.find((c) => c.title === step.result)?.id;
    const activity = await this.activity(step);
    if (!activity) {
      await step.context.sendActivity(withMenu(SIGNUP_TEXT.noneOpen));
      return step.endDialog();
    }
    const state = this.deps.module.activities.signupState(activity);
    if (!state.open) {
      const text = state.code === 'deadline_passed' ? SIGNUP_TEXT.deadlinePassed(activity.title) : state.code === 'activity_started' ? SIGNUP_TEXT.started(activity.title) : SIGNUP_TEXT.notOpen(activity.title);
      await step.context.sendActivity(withMenu(text));
      return step.endDialog();
    }
    // Known already: this user, or the enterprise of the message or the profile, is signed up.
    const hints = profileHints(await this.profile.get(step.context));
    if (await this.stopIfRegistered(step, activity, values.form.creditCode ?? hints.creditCode)) return step.endDialog();
    if (!activity.eligibleTiers) return step.next();
    values.tier ??= hints.tier;
    if (values.tier) return step.next();
    return step.prompt(FIELD_PROMPT, askTier(SIGNUP_TEXT.askTier(formatTiers(activity.eligibleTiers)), SIGNUP_TEXT.tierRetry));
  }

  // 3. Tier eligible? Seats left, or does the user accept the waitlist?
  private async checkTierStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const activity = (await this.activity(step))!;
    if (typeof step.result === 'string') {
      const tier = parseTier(step.result);
      if (tier === 'unknown' || tier === undefined) {
        await step.context.sendActivity(withMenu(SIGNUP_TEXT.tierUnknown));
        return step.endDialog();
      }
      values.tier = tier;
    }
    if (activity.eligibleTiers && (!values.tier || !activity.eligibleTiers.includes(values.tier))) {
      await step.context.sendActivity(withMenu(SIGNUP_TEXT.tierNotEligible(activity.title, formatTiers(activity.eligibleTiers))));
      return step.endDialog();
    }
    if (this.options(step).waitlistOk) return step.next();
    const seats = await this.deps.module.activities.availability(activity.id);
    if (seats.remaining > 0 && seats.waitlisted === 0) return step.next();
    const choices = [SIGNUP_TEXT.joinWaitlist, SIGNUP_TEXT.seeOthers];
    return step.prompt(FIELD_PROMPT, askChoice(SIGNUP_TEXT.fullTitle, choices, SIGNUP_TEXT.fullTitle, SIGNUP_TEXT.full(activity.title, seats.waitlisted)));
  }

  // 4. The notice, before any personal data is asked for.
  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === SIGNUP_TEXT.seeOthers) {
      await step.context.sendActivity(withMenu(SIGNUP_TEXT.seeOthersReply));
      return step.endDialog();
    }
    if (this.values(step).consentAt) return step.next('accept');
    return step.prompt(FIELD_PROMPT, askConsent(signupNoticeText(this.deps.retention)));
  }

  // 5. Refused → end, nothing kept. Accepted → offer the details of the last sign-up or the profile.
  private async reuseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (step.result === 'refuse') {
      values.form = {};
      await step.context.sendActivity(withMenu(CONSENT_TEXT.refused));
      return step.endDialog();
    }
    values.consentAt ??= this.deps.clock().toISOString();
    // "同意，我们是某某有限公司 13912345678": the details said with the consent are kept too.
    const { uncheckedCode, ...said } = detailsTyped(step.context.activity.text ?? '');
    values.form = { ...said, ...values.form };
    if (uncheckedCode && !values.form.creditCode) values.uncheckedCode ??= uncheckedCode;
    if (this.options(step).skipReuse) return step.next();

    const { channelId, from } = step.context.activity;
    const last = await this.deps.module.registrations.lastDetailsForUser(channelId, from.id);
    const hints = profileHints(await this.profile.get(step.context));
    const earlier: SignUpForm = last
      ? { ...last }
      : { enterpriseName: hints.enterpriseName, creditCode: hints.creditCode };
    // Only what the first message did not already say.
    const offer: SignUpForm = {};
    for (const key of ['enterpriseName', 'creditCode', 'contactName', 'mobile'] as const) {
      if (earlier[key] && !values.form[key]) offer[key] = earlier[key];
    }
    if (!Object.keys(offer).length) return step.next();
    values.reuse = offer;
    return step.prompt(FIELD_PROMPT, askChoice(SIGNUP_TEXT.reuseOffer, [SIGNUP_TEXT.reuseYes, SIGNUP_TEXT.reuseNo], SIGNUP_TEXT.reuseRetry, formSummary(offer)));
  }

  private async enterpriseNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (step.result === SIGNUP_TEXT.reuseYes && values.reuse) values.form = { ...values.form, ...values.reuse };
    values.reuse = undefined;
    if (values.form.enterpriseName) return step.next(values.form.enterpriseName);
    return step.prompt(FIELD_PROMPT, askField(FIELD_TEXT.ask.enterpriseName, 'enterpriseName'));
  }

  /** Details typed along with the field asked ("苏州某某科技有限公司，13912345678") are kept too. */
  private absorb(step: WaterfallStepContext): void {
    const values = this.values(step);
    const slots = extractSignUpSlots(step.context.activity.text ?? '');
    for (const key of ['creditCode', 'mobile', 'attendees'] as const) {
      if (slots[key] !== undefined && values.form[key] === undefined) (values.form as Record<string, unknown>)[key] = slots[key];
    }
  }

  private async creditCodeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.form.enterpriseName = step.result as string;
    this.absorb(step);
    if (values.form.creditCode) return step.next(values.form.creditCode);
    if (values.uncheckedCode) return step.prompt(FIELD_PROMPT, askTypedCode(values.uncheckedCode));
    return step.prompt(FIELD_PROMPT, askField(FIELD_TEXT.ask.creditCode, 'creditCode'));
  }

  // The credit code identifies the enterprise: stop here if it is already signed up.
  private async contactNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.form.creditCode = step.result as string;
    this.absorb(step);
    const activity = (await this.activity(step))!;
    if (await this.stopIfRegistered(step, activity, values.form.creditCode)) return step.endDialog();
    if (values.form.contactName) return step.next(values.form.contactName);
    return step.prompt(FIELD_PROMPT, askField(FIELD_TEXT.ask.contactName, 'contactName'));
  }

  private async mobileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.form.contactName = step.result as string;
    this.absorb(step);
    if (values.form.mobile) return step.next(values.form.mobile);
    return step.prompt(FIELD_PROMPT, askField(FIELD_TEXT.ask.mobile, 'mobile'));
  }

  private async attendeesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.form.mobile = step.result as string;
    const max = (await this.activity(step))!.seatsPerEnterprise;
    if (max === 1) return step.next('1');
    const given = values.form.attendees;
    if (given && given >= 1 && given <= max) return step.next(String(given));
    const actions = Array.from({ length: Math.min(max, 5) }, (_, i) => String(i + 1));
    return step.prompt(FIELD_PROMPT, askField(FIELD_TEXT.ask.attendees(max), 'attendees', { max, actions }));
  }

  private async positionsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.form.attendees = Number(step.result);
    const activity = (await this.activity(step))!;
    if (activity.type !== 'jobfair') return step.next();
    if (values.form.positions?.length) return step.next();
    return step.prompt(FIELD_PROMPT, askField(FIELD_TEXT.ask.positions, 'positions'));
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (typeof step.result === 'string') {
      const parsed = validatePositions(step.result);
      if (parsed.ok) values.form.positions = parsed.positions;
    }
    const activity = (await this.activity(step))!;
    const now = this.deps.clock();
    const seats = await this.deps.module.activities.availability(activity.id);
    const waitlistNote = seats.waitlisted === 0 && seats.remaining > 0 && seats.remaining < (values.form.attendees ?? 1) ? `\n${SIGNUP_TEXT.willWaitlist(seats.remaining)}` : '';
    const choices = [SIGNUP_TEXT.confirmSubmit, SIGNUP_TEXT.confirmRestart, SIGNUP_TEXT.confirmCancel];
    return step.prompt(FIELD_PROMPT, askSummary(SIGNUP_TEXT.confirmTitle, choices, SIGNUP_TEXT.confirmRetry, `${confirmationText(activity, values.form, now)}${waitlistNote}\n${SIGNUP_TEXT.confirmHint}`));
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const activity = (await this.activity(step))!;
    const base: SignUpOptions = { activityId: activity.id, tier: values.tier, waitlistOk: true, consentAt: values.consentAt, skipReuse: true };
    if (step.result === SIGNUP_TEXT.confirmCancel) {
      await step.context.sendActivity(withMenu(SIGNUP_TEXT.left));
      return step.endDialog();
    }
    if (typeof step.result === 'string' && step.result.startsWith(EDIT_RESULT_PREFIX)) {
      // One field again ("手机号填错了"); everything else stays.
      const field = step.result.slice(EDIT_RESULT_PREFIX.length) as FieldKind;
      const form: SignUpForm = { ...values.form };
      // ("人数改成2个", "联系人改成王敏": the new value said with it is taken, and the summary shown again.)
      const said = field === 'positions' ? undefined : newValueSaid(field, step.context.activity.text ?? '', activity.seatsPerEnterprise);
      if (said !== undefined && field !== 'positions') {
        const changed = changedField(field, said);
        await step.context.sendActivity(SIGNUP_TEXT.fieldChanged(changed.line));
        return step.replaceDialog(STEPS, { ...base, form: { ...form, ...changed.form } } satisfies SignUpOptions);
      }
      delete form[field];
      await step.context.sendActivity(SIGNUP_TEXT.editField);
      return step.replaceDialog(STEPS, { ...base, form } satisfies SignUpOptions);
    }
    if (step.result === SIGNUP_TEXT.confirmRestart) {
      await step.context.sendActivity(SIGNUP_TEXT.restart);
      return step.replaceDialog(STEPS, { ...base, form: {} } satisfies SignUpOptions);
    }

    const form = values.form;
    const context = step.context;
    try {
      const outcome = await this.deps.module.registrations.register({
        activityId: activity.id,
        enterpriseName: form.enterpriseName!,
        creditCode: form.creditCode!,
        // (A code the user confirmed against the licence though its check character fails.)
        creditCodeConfirmed: !isValidCreditCode(form.creditCode!),
        contactName: form.contactName!,
        mobile: form.mobile!,
        attendees: form.attendees ?? 1,
        positions: form.positions,
        tier: values.tier,
        origin: origin(context),
        consent: { noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, grantedAt: values.consentAt! },
      });
      const now = this.deps.clock();
      const text =
        outcome.registration.status === 'waitlisted'
          ? waitlistedText(activity, outcome.waitlistPosition ?? 1)
          : confirmedText(activity, outcome.registration.attendees, this.deps.reminderHours, outcome.reactivated, now);
      await context.sendActivity(withMenu(text, AFTER_SIGNUP_ACTIONS));
      return step.endDialog(outcome.registration.id);
    } catch (err) {
      if (!isActivityError(err)) {
        // Keep everything the user typed: the same summary comes back for another try.
        this.deps.logger.error({ err, activityId: activity.id }, 'sign-up could not be saved');
        await context.sendActivity(SIGNUP_TEXT.saveFailed);
        return step.replaceDialog(STEPS, { ...base, form } satisfies SignUpOptions);
      }
      const byColleague = err.code === 'already_registered' && !(await this.isOwnRegistration(context, err.details?.registrationId));
      await context.sendActivity(withMenu(byColleague ? SIGNUP_TEXT.registeredByColleague(activity.title) : submitErrorText(err.code, err.message, activity)));
      return step.endDialog();
    }
  }

  private async isOwnRegistration(context: TurnContext, registrationId: unknown): Promise<boolean> {
    const { channelId, from } = context.activity;
    return (await this.deps.module.registrations.listForUser(channelId, from.id)).some((v) => v.registration.id === registrationId);
  }
}

function origin(context: TurnContext) {
  const { channelId, conversation, from } = context.activity;
  return { channelId, userId: from.id, conversationId: conversation.id, refKey: referenceKey(channelId, conversation.id) };
}

function submitErrorText(code: string, message: string, activity: Activity): string {
  switch (code) {
    case 'deadline_passed':
      return SIGNUP_TEXT.deadlinePassed(activity.title);
    case 'activity_started':
      return SIGNUP_TEXT.started(activity.title);
    case 'activity_not_open':
      return SIGNUP_TEXT.notOpen(activity.title);
    case 'already_registered':
      return SIGNUP_TEXT.alreadyRegisteredNext(message);
    case 'too_many_attendees':
      return SIGNUP_TEXT.tooMany(activity.seatsPerEnterprise);
    case 'tier_not_eligible':
      return SIGNUP_TEXT.tierNotEligible(activity.title, formatTiers(activity.eligibleTiers));
    default:
      return SIGNUP_TEXT.failed(message);
  }
}
