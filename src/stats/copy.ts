/**
 * The statistics' own text: the topic a policy question counts under when the bot could not answer
 * it, a label officials read in the console's charts. Every other topic label is data (each intent's
 * `topic` in knowledge/nlu/intents.yaml, each policy item's title). Stored with every counted turn,
 * so a changed wording splits the chart's history. Imports nothing.
 */

/** The chart label of policy questions left unanswered. */
export const UNANSWERED_TOPIC = '未能回答的政策问题';
