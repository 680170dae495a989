// PLACEHOLDER owned by the NLU work (issue 4): a minimal keyword recognizer so the
// foundation runs on its own. It will be replaced by the real recognizer.
import type { Intent, Recognition, Recognizer } from './types';

const RULES: Array<[RegExp, Intent]> = [
  [/^(你好|您好|hi|hello|在吗)/i, 'greeting'],
  [/谢谢|再见|拜拜/, 'thanks_bye'],
  [/哪一?类|几类|类别/, 'which_tier'],
  [/转人工|人工|服务专员/, 'handoff'],
];

export async function createRecognizer(): Promise<Recognizer> {
  return {
    async recognize(text: string): Promise<Recognition> {
      const rule = RULES.find(([re]) => re.test(text));
      return { text, normalized: text, intent: rule ? rule[1] : 'none', intentScore: rule ? 1 : 0, entities: {}, candidates: [] };
    },
  };
}
