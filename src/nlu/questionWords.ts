/** Question words (谁, 哪, 啥, 几, 什么, 多少, 怎): a keyword or word holding one asks rather than names. */
export const QUESTION_WORD = /[谁哪啥几]|什么|多少|怎/u;

/** Who delivers a service asked (the training's institutions, the diagnosis's experts), not who is responsible for it. */
export const DELIVERED_BY =
  /(?:什么|哪些|哪个|哪家|啥)(?:样的)?(?:机构|老师|专家|讲师|人)(?:来)?(?:提供|授课|上课|讲课|来讲|开展|诊断|做诊断|培训|讲)|(?:谁|哪些人)来(?:讲课|上课|授课|讲|诊断|做诊断)|(?:老师|讲师|专家)(?:是|都是)(?:谁|哪些|什么人|哪里的)|(?:课程|课|内容|教材)(?:是|都是)?(?:由)?(?:谁|哪些人|什么人|哪个机构|什么机构|哪家)(?:来)?(?:设计|编排|开发|制定|定|出|准备)|(?:谁|哪些人|哪个机构|什么机构|哪家)(?:来)?(?:设计|编排|开发)(?:的)?(?:课程|课|内容)?/u;

/** How an enterprise's tier would change, asked of an honour supposed ("如果评上区级，会变成第几类"). */
export const TIER_CHANGE_ASKED = /变化|变成|变为|改变|会怎样|会怎么样|有什么不同|升到|升为/u;

/** "这类企业 / 那种公司": the class of enterprise just named, as the subject of what is asked. */
const THIS_CLASS_SOURCE = '(?:这|此|该|那)(?:一)?(?:类|种|样的?)(?:企业|公司)';
export const THIS_CLASS = new RegExp(THIS_CLASS_SOURCE, 'u');
/** The same class opening the question ("那这类企业能享受什么"). */
export const THIS_CLASS_OPENING = new RegExp(`^(?:那|那么)?${THIS_CLASS_SOURCE}`, 'u');
/** The enterprise or class just talked about as the question's subject ("那它能享受啥", "这类企业…"). */
export const CLASS_OR_IT_OPENING = new RegExp(`^(?:那|那么)?(?:它|它们|${THIS_CLASS_SOURCE})`, 'u');

/** A tag asking to confirm what was just said ("对吧", "是吧", "没错吧"), as a pattern source to build with. */
export const CONFIRMATION_TAG = '(?:对吧|是吧|没错吧|对不对|是不是|对吗)(?:啊|呀|呢)?';
