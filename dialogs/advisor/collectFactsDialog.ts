/**
 * Asks, one at a time, only the facts the advisor still needs for a purpose (the tier, the rules of
 * some measures, the honours, one field), and keeps every answer in the profile as it goes.
 * Corrections are taken at any question ("不对，是市级的"); "不清楚" settles a fact as unknown
 * (for the honours it brings guidance on how to check, and the question again).
 */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type PromptOptions, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Advisor } from '../../src/advisor';
import { profileFacts } from '../../src/advisor/explain';
import { yearFactLevel, type FactAnswer, type FactKey, type ReadResult } from '../../src/nlu/statedFacts';
import { applyUpdate, setHonourYear, type EnterpriseProfile, type TraitFactKey } from '../../src/advisor/profile';
import type { SupportRequest } from '../../src/advisor/requests';
import { ADVISOR_TEXT, expectation, question } from '../../src/advisor/copy';
import { GuidedPrompt, type FieldCheck, type FieldHelp } from '../guidedPrompt';
import type { AttemptVerdict } from '../interruptions';
import { hasQuestionForm } from '../../src/nlu/clauses';
import { decidedTier } from '../../src/advisor/tierStatus';
import { ADVISOR_DIALOGS } from './ids';
import type { HonourLevel } from '../../src/domain/vocabulary';

export type CollectPurpose =
  | { kind: 'tier' }
  | { kind: 'support'; request: SupportRequest }
  /** honours, then the pool (without honours) and the year of every honour */
  | { kind: 'honours' }
  | { kind: 'fact'; fact: FactKey };

export interface CollectOptions {
  purpose: CollectPurpose;
  profile: EnterpriseProfile;
  /** facts the user could not tell */
  settled: FactKey[];
  /** questions asked so far (the caller says "based on what you told me before" only without) */
  asked?: number;
}

export interface CollectResult {
  profile: EnterpriseProfile;
  settled: FactKey[];
  asked: number;
  /** the flow could not use the answer (the prompt only takes answers it can use: a safeguard) */
  gaveUp?: boolean;
}

const FACT_PROMPT = 'advisor.factPrompt';
const STEPS = 'advisor.collect.steps';
/** Longest reply looked at. */
const MAX_REPLY = 500;
/** Replies whose reading is kept (a prompt reads its reply three times in one turn). */
const KEPT_READINGS = 32;

interface FactValidation {
  fact: FactKey;
  /** the one honour level still without a year: a bare year told at another question is its year */
  undated?: HonourLevel;
  /** the profile's one honour (dated or not): the honour a year corrected alone is of */
  sole?: HonourLevel;
}

export class CollectFactsDialog extends ComponentDialog {
  private readonly readings = new Map<string, ReadResult>();

  constructor(private readonly advisor: Advisor) {
    super(ADVISOR_DIALOGS.collect);
    this.addDialog(
      new GuidedPrompt(FACT_PROMPT, { check: (t, o) => this.check(t, o), help: (o) => this.help(o), judge: (t, o) => this.judge(t, o), maxLength: MAX_REPLY }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.receiveStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** The next fact this purpose needs, or undefined when the profile is enough. */
  nextFact(purpose: CollectPurpose, profile: EnterpriseProfile, settled: FactKey[]): FactKey | undefined {
    const a = this.advisor;
    switch (purpose.kind) {
      case 'tier':
        return a.nextTierFact(profile, settled);
      case 'support':
        return a.nextSupportFact(profile, settled, a.itemsFor(purpose.request));
      case 'honours': {
        const tierFact = a.nextTierFact(profile, settled);
        if (tierFact) return tierFact;
        const undated = profile.honours.find((h) => h.year === undefined && !settled.includes(`year:${h.level}`));
        return undated ? `year:${undated.level}` : undefined;
      }
      case 'fact': {
        if (settled.includes(purpose.fact)) return undefined;
        const level = yearFactLevel(purpose.fact);
        if (level) return profile.honours.some((h) => h.level === level && h.year === undefined) ? purpose.fact : undefined;
        if (purpose.fact === 'honours' || purpose.fact === 'inPool') return a.nextTierFact(profile, settled);
        return profile[purpose.fact as TraitFactKey] === undefined ? purpose.fact : undefined;
      }
    }
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as CollectOptions;
    const fact = this.nextFact(options.purpose, options.profile, options.settled);
    if (!fact) return step.endDialog({ profile: options.profile, settled: options.settled, asked: options.asked ?? 0 } satisfies CollectResult);
    (step.values as { fact?: FactKey }).fact = fact;
    const q = question(fact, this.advisor.now());
    return step.prompt(FACT_PROMPT, {
      prompt: MessageFactory.suggestedActions(q.choices, q.text),
      validations: { fact, undated: onlyUndated(options.profile), sole: onlyHonour(options.profile) } satisfies FactValidation,
    });
  }

  private async receiveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as CollectOptions;
    const fact = (step.values as { fact: FactKey }).fact;
    const now = this.advisor.now();
    const answer = this.answer(fact, String(step.result ?? '').slice(0, MAX_REPLY), now, onlyUndated(options.profile), onlyHonour(options.profile));
    let profile = options.profile;
    const settled = [...options.settled];
    const asked = (options.asked ?? 0) + 1;

    if (answer.kind === 'invalid' || (answer.kind === 'unknown' && fact === 'honours')) {
      await step.context.sendActivity(ADVISOR_TEXT.gaveUp);
      return step.endDialog({ profile, settled, asked, gaveUp: true } satisfies CollectResult);
    }
    const before = profile.creditCode;
    const tierBefore = decidedTier(profile, this.advisor.kb);
    profile = applyUpdate(profile, answer.update, now);
    const level = yearFactLevel(fact);
    if (answer.kind === 'answer' && level && answer.year !== undefined) profile = setHonourYear(profile, level, answer.year, now);
    if (answer.kind === 'unknown') settled.push(fact);
    if (profile.creditCode && profile.creditCode !== before) {
      const adopted = await this.advisor.store.adoptEnterprise(profile, now);
      profile = adopted.profile;
      if (adopted.filled) await step.context.sendActivity(ADVISOR_TEXT.adopted);
    }
    // A correction instead of an answer: confirm it when another question follows (else the answer shows it).
    if (answer.kind === 'other' && this.nextFact(options.purpose, profile, settled)) {
      // A correction that moves the enterprise to another tier says so ("…属于一类" was said before).
      const tierAfter = decidedTier(profile, this.advisor.kb);
      const moved = tierBefore !== undefined && tierAfter !== undefined && tierAfter !== tierBefore;
      const tierName = moved ? this.advisor.kb.tiers.find((t) => t.id === tierAfter)?.name : undefined;
      // (Asked for the support: what the corrected facts already decide is listed again — "已可享受：…资源集约利用评价（加 2 分）".)
      const a = this.advisor;
      const decided = tierName && options.purpose.kind === 'support' ? a.replies.decidedNow(a.evaluate(profile, settled, a.itemsFor(options.purpose.request))) : '';
      await step.context.sendActivity(tierName ? `${ADVISOR_TEXT.updatedTier(profileFacts(profile), tierName)}${decided}` : ADVISOR_TEXT.updated(profileFacts(profile)));
    }
    profile = await this.advisor.store.save(step.context, profile);
    return step.replaceDialog(STEPS, { ...options, profile, settled, asked } satisfies CollectOptions);
  }

  /**
   * The reply as the answer to `fact`. The prompt judges, checks and then takes the same reply: it is
   * read once (the last few readings are kept, by year and text).
   */
  private answer(fact: FactKey, text: string, now: Date, undated?: HonourLevel, sole?: HonourLevel): FactAnswer {
    const read = this.reading(text, now);
    const answer = this.advisor.facts.answer(fact, text, now, read);
    // "补充一下，我们是2021年认定的" at another question: the year of the one honour told without one.
    if (undated && answer.kind === 'invalid' && answer.problem === 'not_understood' && read.looseYears.length === 1) {
      return { kind: 'other', update: { ...read.update, honours: [{ level: undated, year: read.looseYears[0] }], honoursMode: 'add' } };
    }
    // "更正一下，是2025年评上的，不是2020年": the year of the one honour told, corrected (the year denied left out).
    if (sole && read.correction && answer.kind === 'invalid' && answer.problem === 'not_understood') {
      const denied = new Set([...text.matchAll(DENIED_YEAR)].map((m) => Number(m[1])));
      const said = [...new Set(read.looseYears.filter((y) => !denied.has(y)))];
      if (said.length === 1) return { kind: 'other', update: { ...read.update, honours: [{ level: sole, year: said[0] }], honoursMode: 'replace' } };
    }
    return answer;
  }

  /** The facts the reply states (read once: the last few readings are kept, by year and text). */
  private reading(text: string, now: Date): ReadResult {
    const key = `${now.getUTCFullYear()}\u0000${text}`;
    let read = this.readings.get(key);
    if (!read) {
      read = this.advisor.facts.read(text, now);
      if (this.readings.size >= KEPT_READINGS) this.readings.delete(this.readings.keys().next().value as string);
      this.readings.set(key, read);
    }
    return read;
  }

  /** Accepts answers, "不清楚" and corrections; says what is wrong otherwise. */
  private check(text: string, options: PromptOptions): FieldCheck {
    const { fact, undated, sole } = options.validations as FactValidation;
    const trimmed = text.trim();
    if (!trimmed) return { ok: false, message: ADVISOR_TEXT.empty };
    const answer = this.answer(fact, trimmed, this.advisor.now(), undated, sole);
    if (answer.kind === 'answer' || answer.kind === 'other') return { ok: true, value: trimmed };
    if (answer.kind === 'unknown') {
      return fact === 'honours' ? { ok: false, message: this.advisor.knowledge.texts.honourUnknown } : { ok: true, value: trimmed };
    }
    return { ok: false, message: problemText(answer) };
  }

  /** The question again with its buttons; after two failed attempts, what it expects and the way out. */
  private help(options: PromptOptions): FieldHelp {
    const { fact } = options.validations as FactValidation;
    const q = question(fact, this.advisor.now());
    return { ask: q.text, actions: q.choices, expected: expectation(fact) };
  }

  /** An answer, "不清楚" or a fact (even a wrong year) is an attempt at the question; other replies may be requests. */
  private judge(text: string, options: PromptOptions): AttemptVerdict {
    const { fact, undated, sole } = options.validations as FactValidation;
    const reply = text.trim().slice(0, MAX_REPLY);
    const answer = this.answer(fact, reply, this.advisor.now(), undated, sole);
    // A question that only mentions another fact on the way ("请专家来厂里诊断要钱吗": 厂里) or opens with a
    // word that looks like a yes ("对了 专场招聘一年办几场？") asks; it is no answer.
    // ("不对不对，说错了，是2025年评的省级 那现在呢": a correction is taken, whatever it asks after it.)
    const corrects = answer.kind === 'other' && this.reading(reply, this.advisor.now()).correction;
    if (!corrects && (answer.kind === 'other' || (answer.kind === 'invalid' && answer.problem === 'vague_honour')) && hasQuestionForm(reply)) return 'notAnswer';
    return answer.kind === 'invalid' && answer.problem === 'not_understood' ? 'notAnswer' : 'answer';
  }
}

function problemText(answer: Extract<FactAnswer, { kind: 'invalid' }>): string {
  switch (answer.problem) {
    case 'future_year':
      return ADVISOR_TEXT.futureYear;
    case 'old_year':
      return ADVISOR_TEXT.oldYear;
    case 'vague_honour':
      return ADVISOR_TEXT.vagueHonour;
    case 'not_understood':
      return ADVISOR_TEXT.notUnderstood;
  }
}

/** A year said not to be the one ("不是2020年", "而非2020年"). */
const DENIED_YEAR = /(?:不是|并非|而非|并不是)\s*((?:19|20)\d{2})/gu;

/** The profile's only honour level, if it has exactly one. */
function onlyHonour(profile: EnterpriseProfile): HonourLevel | undefined {
  return profile.honours.length === 1 ? profile.honours[0].level : undefined;
}

/** The one honour level of the profile without a year, if exactly one is. */
function onlyUndated(profile: EnterpriseProfile): HonourLevel | undefined {
  const undated = profile.honours.filter((h) => h.year === undefined);
  return undated.length === 1 ? undated[0].level : undefined;
}
