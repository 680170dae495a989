/**
 * Which dialog answers which questions of a frame: consecutive questions for the same dialog form
 * one group (the Q&A answers them in one reply), the groups run in order ("属于哪一类，能享受哪些
 * 支持": the tier from the Q&A, then the support advisor), a form's last.
 */
import type { Recognition } from './types';
import type { Intent } from '../domain/vocabulary';

export interface RouteGroup {
  dialogId: string;
  /** the group's first question, with the whole message's text, facts and frame */
  recognition: Recognition;
  questions: Recognition[];
}

/** A key of the turn state: the Recognition the router produced for this turn's message. */
export const TURN_RECOGNITION = Symbol.for('huibot.recognition');

/**
 * The groups of a frame with several questions; undefined for a single question (routed as before).
 * `dialogFor` names the dialog of an intent (the Q&A's for anything without a flow of its own).
 */
export function planFrame(message: Recognition, dialogFor: (intent: Intent) => string | undefined): RouteGroup[] | undefined {
  const questions = message.frame?.questions ?? [];
  if (questions.length < 2) return undefined;
  const groups: RouteGroup[] = [];
  for (const q of questions) {
    const dialogId = dialogFor(q.intent);
    if (!dialogId) continue;
    const last = groups[groups.length - 1];
    if (last && last.dialogId === dialogId) last.questions.push(q);
    else groups.push({ dialogId, recognition: { ...q, text: message.text, frame: message.frame }, questions: [q] });
  }
  // A form takes the turns after it: the questions asked beside it are answered before it starts
  // ("领导让我报名沙龙…想问下沙龙按什么分批": the answer, then the sign-up).
  const ordered = [...groups.filter((g) => !startsForm(g)), ...groups.filter(startsForm)];
  return ordered.length ? ordered : undefined;
}

/** Requests served by a form of several prompts. */
const FORM_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['sign_up', 'cancel_signup', 'subscribe', 'unsubscribe', 'handoff']);

function startsForm(group: RouteGroup): boolean {
  return FORM_INTENTS.has(group.recognition.intent);
}
