/**
 * A message that asks nothing new but the last answer again: said once more ("再说一遍", "没看明白"),
 * doubted ("你确定吗") or its policy text asked for ("原文怎么写的"). The Q&A answers it from what it said last.
 */
export type AgainAsked = 'repeat' | 'doubt' | 'words';

/** Sounds and politeness around the request, no words of it ("嗯", "那个", "请", "你能不能"). */
const AROUND = '(?:嗯|啊|呃|额|哦|噢|喔|哈|诶|欸|那个|这个|不好意思|抱歉|麻烦|请|老师|你|您|我|能|可以|能不能|可不可以|再|还是|有点|有些|真|完全|帮我|给我|一下|下|吗|么|嘛|呢|呀|吧|啊|了|哈|的)*';

/** Asks to hear it once more, or says it was not understood. */
const REPEAT = [
  '(?:再|重新)(?:说|讲|解释|发|回答|答|讲解)(?:一遍|一次|一下|下)?',
  '重复(?:一遍|一下|一次)?',
  '没(?:有)?(?:看|听|搞|弄|太)?(?:明白|懂|清楚|理解)',
  '看不(?:太)?(?:懂|明白)',
  '不(?:太|是很)?(?:明白|懂|理解)',
  '(?:这|这个|这句|这段|上面|刚才)?(?:是)?(?:什么|啥)意思',
  '(?:说|讲)(?:得)?(?:清楚|明白|具体|详细)(?:一)?点',
].join('|');

/** Doubts what was said, or asks for the text it rests on. */
const DOUBT = [
  // (确定 alone confirms a form: only asked, or said to us)
  '(?:你|您)(?:确定|肯定)(?:吗|么|嘛|不|没错|没搞错)?',
  '(?:确定|肯定)(?:吗|么|嘛|不|没错|没搞错)',
  '(?:是)?真的(?:吗|么|假的)?',
  '没(?:搞|弄|说|写)错(?:吧|吗)?',
  '有没有(?:搞|弄|说)错',
  '(?:靠谱|准确?|对|是|是这样)(?:吗|么|不)',
  '不会吧|不是吧|不对吧',
].join('|');

/** Asks for the policy text the last answer rests on. */
const WORDS = [
  '(?:政策|方案|文件)?原文(?:里|上|中)?(?:是|到底)?(?:怎么|咋|如何)(?:说|写|讲|规定)的?',
  '(?:发|给|看|贴)(?:一下|下)?(?:政策|方案|文件)?原文',
  '(?:政策|方案|文件)?原文(?:呢|是什么|是啥)',
  '(?:出处|依据|根据)(?:呢|是什么|是啥|在哪)',
  '有(?:依据|根据|出处)(?:吗|么|没有)',
  '(?:哪里|在哪|哪儿|哪条)(?:写|规定|说)的',
].join('|');

const MARKS = /[\s\p{P}\p{S}\p{Extended_Pictographic}\u{FE0F}\u{200D}]+/gu;
const WHOLE_REPEAT = new RegExp(`^${AROUND}(?:(?:${REPEAT})${AROUND})+$`, 'u');
const WHOLE_DOUBT = new RegExp(`^${AROUND}(?:(?:${DOUBT})${AROUND})+$`, 'u');
const WHOLE_WORDS = new RegExp(`^${AROUND}(?:(?:${WORDS})${AROUND})+$`, 'u');
const WHOLE_EITHER = new RegExp(`^${AROUND}(?:(?:${REPEAT}|${DOUBT}|${WORDS})${AROUND})+$`, 'u');

/** What the cleaned message asks of the last answer, or undefined when it says anything else. */
export function againAsked(clean: string): AgainAsked | undefined {
  const bare = clean.replace(MARKS, '');
  if (!bare || [...bare].length > 24) return undefined;
  if (WHOLE_WORDS.test(bare)) return 'words';
  if (WHOLE_DOUBT.test(bare)) return 'doubt';
  if (WHOLE_REPEAT.test(bare)) return 'repeat';
  // ("你确定吗 我没看明白": both — the text it rests on answers either.)
  return WHOLE_EITHER.test(bare) ? 'doubt' : undefined;
}
