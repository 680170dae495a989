/** A channel-neutral reply of the Q&A: text plus suggested follow-up questions. */

export type ReplyKind = 'answer' | 'clarify' | 'fallback' | 'prompt' | 'empty' | 'unreadable';

export interface QaReply {
  kind: ReplyKind;
  /** the message text, answer first */
  text: string;
  /** suggested actions (buttons); clicking one sends its text as the next message */
  suggestions: string[];
  /** the knowledge item answered */
  itemId?: string;
  /** the facets used for the answer */
  facetIds?: string[];
  /** set on fallbacks: store as an unanswered question for officials, with this reason */
  unanswered?: 'out_of_scope' | 'low_confidence' | 'no_topic' | 'unreadable';
}

/** Everything a user sees of the reply, as the evaluation reads it. */
export function replyText(reply: QaReply): string {
  return [reply.text, ...reply.suggestions].join('\n');
}
