import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { Advisor } from '../../src/advisor';
import type { ReadResult } from '../../src/nlu/statedFacts';
import { applyUpdate, emptyProfile, hasFacts, type EnterpriseProfile } from '../../src/advisor/profile';
import type { RoutedDialogOptions } from '../mainDialog';
import { ADVISOR_TEXT } from '../../src/advisor/copy';
import { MAX_ANALYSED_CHARS } from '../../src/text/normalize';


export interface Start {
  /** the profile saved before this message */
  saved?: EnterpriseProfile;
  /** the saved profile with what this message says */
  profile: EnterpriseProfile;
  read: ReadResult;
  text: string;
}

/**
 * The enterprise as far as known when a flow starts: the saved profile, updated with what the
 * message says ("我们是省级专精特新…", "其实是市级的", a credit code of a known enterprise).
 */
export async function startFromMessage(advisor: Advisor, step: WaterfallStepContext): Promise<Start> {
  const options = (step.options ?? {}) as Partial<RoutedDialogOptions>;
  const text = (options.recognition?.text ?? step.context.activity.text ?? '').slice(0, MAX_ANALYSED_CHARS);
  const now = advisor.now();
  const saved = await advisor.store.load(step.context);
  // The router's frame already holds what the message says (a dialog started without one reads it here).
  const read = options.recognition?.frame?.facts ?? advisor.facts.read(text, now);
  let profile = applyUpdate(saved ?? emptyProfile(now), read.update, now);
  if (read.update.creditCode && read.update.creditCode !== saved?.creditCode) {
    const adopted = await advisor.store.adoptEnterprise(profile, now);
    profile = adopted.profile;
    if (adopted.filled) await step.context.sendActivity(ADVISOR_TEXT.adopted);
  }
  // What the user said is kept at once, even if the flow is cancelled later.
  if (hasFacts(read.update)) profile = await advisor.store.save(step.context, profile);
  return { saved, profile, read, text };
}

/** True when the message itself says something that decides the tier. */
export function saysTierFacts(read: ReadResult): boolean {
  const u = read.update;
  return (u.honours?.length ?? 0) > 0 || u.noHonour !== undefined || u.inPool !== undefined || u.large !== undefined;
}
