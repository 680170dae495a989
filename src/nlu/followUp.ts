/**
 * Elliptical follow-ups that only make sense with the previous topic:
 * "那市级呢", "国家级呢", "省级的话", "区级的", "如果是区级呢".
 */
import type { Analysis } from './analyzer';
import type { Entities } from './types';

const ELLIPTICAL = /^(那|那么|那如果|如果是|要是|假如|换成|若是)?(.{0,10}?)(的话)?(呢|的呢|的|的话)?[?？。!！~～]*$/u;
const LEADING = /^(那如果是|另外一家|另一家|还有一家|一家(?=(?:19|20)\d{2}|[国省市区]级|是|被|刚)|那如果|那要是|那么|那|如果是|如果|要是|假如|换成|若是)/u;
const TRAILING = /(呢|的话)[?？。!！~～]*$/u;
/** Asking whether the same holds ("…的一样吗", "…也一样吗", "…也是这样吗"). */
const SAME_TAIL = /(的)?(也|都)?(一样|相同|同样|是这样|也是)(的)?(吗|么|嘛|不|呢)?[?？。!！~～]*$/u;

/** A question opened by an honour level ("国家级的…", "省级企业…"). */
const HONOUR_FIRST = /^(?:国家级|省级|市级|区级|小巨人)/u;
/** An enterprise named by a short name after 那, before its honour or year ("那新材公司2025年评的…"). */
const NAMED_SUBJECT = /^(那么|那)[^\s，,。？?！!]{1,6}?(?:子公司|公司|厂)(?=(?:19|20)\d{2}|[国省市区]级|是|被|刚)/u;
/** A kind of enterprise named in full after its honour ("市级专精特新企业", "小巨人企业"). */
const KIND_IN_FULL = /^(?:国家级|省级|市级|区级|小巨人)[^，,。？?！!]{0,10}(?:企业|公司)/u;
/** Words that only tell the enterprise's honours and when ("我们2024年又拿了省级专精特新"). */
const FACT_WORDS =
  /我们公司|我们|我司|本公司|本企业|咱们|他们|她们|它们|这家|那家|该企业|[一二三]类企业|[一二三]类的|[一二三]类|另一家|另外一家|另外那家|还有一家|第二家|一家|另一个企业|另一家企业|另一家公司|(?:19|20)\d{2}年?|今年|去年|前年|(?:\d{1,2}月份?)|又|也|还|刚刚?|已经|拿了|拿到了?|拿|评上了?|评了|评|获得了?|认定了?|认定|被|为|是|的|了|国家级|省级|市级|区级|专精特新|小巨人|企业|荣誉|称号|时间|年份|日期|改成|换成|变成|改为|明年|后年|以后|将来|今后|年底|下半年|到时候|能|再/gu;
/** Longest "那…呢" read as only facts: longer ones say more. */
const MAX_FACTS_FOLLOW_UP = 30;

/** "那我们2024年又拿了省级专精特新呢": 那…呢 around nothing but honours and years — the last question, asked for them. */
function statesOnlyFacts(text: string, entities: Entities): boolean {
  const states = (entities.honourLevels?.length ?? 0) > 0 || (entities.years?.length ?? 0) > 0;
  if (!states || text.length > MAX_FACTS_FOLLOW_UP) return false;
  // "2022年那个国家级的还能算吗": the same facts, asked whether they still count.
  const stillCounts = STILL_COUNTS.test(text) || PRIORITY_ASKED.test(text);
  // ("如果明年升到省级？", "What if we upgrade to 省级 next year?": a question mark ends it as 呢 does.)
  if (!stillCounts && !(LEADING.test(text) && (TRAILING.test(text) || ASKED_END.test(text)))) return false;
  const rest = text.replace(STILL_COUNTS, '').replace(PRIORITY_WORDS_AND_FOR, '').replace(LEADING, '').replace(TRAILING, '').replace(HOW_IT_CAME, '').replace(POINTING_WORDS, '').replace(FACT_WORDS, '').replace(/[\s，,、?？]/gu, '');
  return [...rest].length === 0;
}

/** "…还能算吗", "…还有效吗", "…现在还有吗", "…算不算", "到今年还在那个期限里吗": whether what was just said still counts. */
const STILL_COUNTS = /(?:到|截至|截止)?(?:现在|目前|今年)?(?:还|也|仍然?|依然)?(?:能|可以)?(?:算|算数|有效|计入|作数|加分|加|提|提级|提档|享受|用|有)(?:吗|么|嘛|不|没)?[？?。!！]*$|算不算[？?。!！]*$|(?:到|截至|截止)?(?:现在|目前|今年)?(?:还|仍然?|依然)?在(?:那个|这个)?[^，,。？?]{0,10}?(?:里|内|之内|范围内|以内)(?:吗|么|嘛)?[？?。!！]*$/u;
const ASKED_END = /[?？]$/u;
/** "那个", "这个": pointing at what was just said. */
const POINTING_WORDS = /那个|这个|那|这/gu;
/** "那国家级 省级 有特别照顾吗", "对国家级、省级企业有什么特别的吗": whether those honours get something more of the last topic. */
const PRIORITY_WORDS = '(?:有没有|有|会)(?:什么|啥)?(?:(?:特别|额外|专门|特殊)?的?(?:照顾|倾斜|优待|优先|待遇)|(?:特别|特殊|额外)的?(?:地方|安排)?)(?:吗|么|嘛)?';
const PRIORITY_ASKED = new RegExp(PRIORITY_WORDS, 'u');
/** (what is left out of the facts: the question, and the 对 that opens whom it is asked for) */
const PRIORITY_WORDS_AND_FOR = new RegExp(`^对|${PRIORITY_WORDS}`, 'gu');

/** "那…": a question that opens by going on from the last answer ("那什么样的企业能被推荐参加"). */
export function opensFromLastAnswer(text: string): boolean {
  return /^(那|那么)(?!个|些|边|里|儿|时|样|种|天|年|次)/u.test(text);
}
/** "还有其他级别的呢": the last question for the levels not asked — the measure as it stands for every level. */
export const OTHER_LEVELS = /^(?:那|那么)?(?:还有)?(?:其他|其它|别的|另外的|另外几个|剩下的)(?:几个)?(?:级别|层级|等级|级)(?:的)?(?:呢|的呢|怎么算|是多少|分别呢)?[?？。]*$/u;
/** honour words, or the pool's ("那 入库培育的?", "库呢"), that may be the whole message */
const HONOUR_ONLY = /^(那|那么|如果是|要是|那要是|那如果是|那假如|假如)?(国家级|国家|省级|省|市级|市|区级|园区级|区|入库培育|培育库里?|入库|库里|库内|在库|库)(的|的话|专精特新|企业|专精特新企业|小巨人|专精特新小巨人|小巨人企业)?(呢|的呢)?[?？。!！]*$/u;
/** How an honour came about, said around it in a follow-up ("那要是后来又评上省级了呢", "那2025年拿的省级呢"): no content of its own. */
// ("那如果明年流片顺利、评上省级呢": a condition met on the way says nothing of its own either; nor does "新认定的".)
// ("要是客户是2021年认定的区级呢": whom it is of, another enterprise, is no content either.)
const HOW_IT_CAME = /(?:客户|他们|她们|那家|这家|人家|对方|隔壁|租户|会员|朋友)(?:企业|公司|的公司|家)?(?:也)?是|(?:(?:19|20)\d{2}|(?<!\d)[012]\d)年(?:的时候|时)?(?:的(?=国家|省|市|区|园区))?|(?:新|刚刚?|首次|第一次)(?=认定|评上|评为|获评|拿到|获得)|后来|之后|以后|明年|后年|今年|将来|未来|年底|年内|过两年|过几年|又|再|也|被|评上|评为|拿到|拿了|获得|获评|认定为?|升到|升为|变成|升级到|冲上|冲到|升上|(?:老爷子|老板|领导|我爸|我妈|大家)?带(?:着)?我们|了(?=呢|的话|[?？]|$)|[^，,、。]{1,6}(?:顺利|成功|通过|达标|落地)(?:的话)?[、，,]?|(?:(?:19|20)?\d{2}年)?(?:拿|评|获|认定|获评)的(?=国家|省|市|区|园区)/gu;

/** "要是明年拿到省级呢", "那2021年认定的呢": a follow-up made of honours and years alone — it names no topic. */
export function saysOnlyFacts(a: Analysis, entities: Entities): boolean {
  const text = a.clean;
  if (statesOnlyFacts(text, entities)) return true;
  return text.length <= 14 && (entities.honourLevels?.length ?? 0) > 0 && TRAILING.test(text) && HONOUR_ONLY.test(text.replace(HOW_IT_CAME, ''));
}

/** "啥意思", "这是什么", "具体指啥": what the topic just named is. */
const WHAT_IT_MEANS =
  /^(?:那|那么)?(?:这|那|它)?(?:个)?(?:是|指的是|是指|具体指|指)?(?:啥|什么|哪个)(?:意思|东西|玩意儿?|情况)?(?:呀|啊|呢|哈)?[?？。!！~～]*$/u;

/** "分别叫什么", "都是哪几项", "具体是哪些", "具体能享受哪些服务": the parts of the topic just named, each by name. */
const EACH_NAMED =
  /^(?:那|那么)?(?:它们|这些|那些|这几[个项条]|那几[个项条])?(?:分别|都|具体|各自|各)(?:都)?(?:叫|是|能享受|可以享受|能得到|有|包括|包含|提供)(?:什么|啥|哪些|哪几[个项条种])(?:名字|名称|措施|服务|支持|内容)?(?:呀|啊|呢|哈)?[?？。!！~～]*$/u;

export function isFollowUp(a: Analysis, entities: Entities, informativeWords: number): boolean {
  // ("那新材公司2025年评的市级呢": another enterprise of ours named by its short name, then its honour — as "那2025年评的市级呢".)
  const named = NAMED_SUBJECT.exec(a.clean);
  const text = named ? `${named[1]}${a.clean.slice(named[0].length)}` : a.clean;
  if (named) informativeWords -= 1;
  if (statesOnlyFacts(text, entities)) return true;
  if (!text || text.length > 14) return false;
  if (WHAT_IT_MEANS.test(text) || EACH_NAMED.test(text) || OTHER_LEVELS.test(text)) return true;
  if (HONOUR_ONLY.test(text) || ((entities.honourLevels?.length ?? 0) > 0 && TRAILING.test(text) && HONOUR_ONLY.test(text.replace(HOW_IT_CAME, '')))) return true;
  // "区级的一样吗", "那省级也一样吗": another honour, asked whether the same holds — as "区级呢".
  if ((entities.honourLevels?.length ?? 0) > 0 && SAME_TAIL.test(text) && HONOUR_ONLY.test(text.replace(SAME_TAIL, '呢'))) return true;
  const marked = LEADING.test(text) || TRAILING.test(text);
  // "那2025年拿的呢": another year, like another honour, of the question just asked.
  const states = (entities.honourLevels?.length ?? 0) > 0 || (entities.years?.length ?? 0) > 0;
  // (A year is two words, 2025 and 年.)
  return marked && ELLIPTICAL.test(text) && (informativeWords <= 1 || states) && informativeWords <= ((entities.years?.length ?? 0) > 0 ? 3 : 2);
}

/** "…，现在还能享受吗" after an elliptical follow-up: whether what was just said still holds */
// ("，是否仍可享受这项支持": asked formally, with what still holds named.)
const STILL_HOLDS =
  /[，,](?:那|那么)?(?:我们)?(?:是否|现在|目前|今年|如今)?(?:还|也|仍然?|依然)?(?:能|可以|可|会)?(?:享受|加分|提档|算数?|适用|有效|参加)(?:这项|此项|该项|这个|这些)?(?:支持|政策|待遇|加分|优惠|措施)?(?:吗|么|嘛|不|没)?[?？。]*$/u;

/**
 * "要是2022年认定的呢，现在还能享受吗": the follow-up before a tail that only asks whether it still holds,
 * or undefined when the text has no such tail.
 */
export function beforeStillHolds(text: string): string | undefined {
  const m = STILL_HOLDS.exec(text);
  return m && m.index > 0 ? text.slice(0, m.index) : undefined;
}

/** what an enterprise of some honour gets, asked in general words ("有啥特别照顾", "有什么不一样的支持") */
export const SUPPORT_IN_GENERAL =
  /(?:有|能享受|可以享受|能得到|可以得到|享受|给)(?:啥|什么|哪些)?(?:特别|额外|特殊|不同|不一样|专门)?的?(?:支持|政策|扶持|帮助|照顾|关照|待遇|优待|福利|倾斜|区别|优先)|有(?:啥|什么)?(?:特别|额外|特殊|不同|不一样|专门)(?:的|之处|安排)?(?:吗|么|嘛|呢)?[?？]*$/u;

/**
 * "那国家级的企业有啥特别照顾": another honour, of the topic just talked about, asked in general
 * words — elliptical like "那国家级的呢" though longer. The caller checks that no topic is named.
 */
export function asksSupportForAnotherHonour(a: Analysis, entities: Entities): boolean {
  const text = a.clean;
  // ("国家级的有啥额外的": opened by the honour itself, as by 那; "市级专精特新企业有什么支持", the kind named in
  // full and not opened by 那, asks of that kind in general.)
  return text.length <= 20 && (LEADING.test(text) || (HONOUR_FIRST.test(text) && !KIND_IN_FULL.test(text))) && (entities.honourLevels?.length ?? 0) > 0 && SUPPORT_IN_GENERAL.test(text);
}

/** "也能被优先推荐吗", "还有吗": whether the same holds for us too, of the topic just talked about. */
const ALSO =
  /^(?:那|那么)?(?:我们|咱们|我司)?(?:(?:国家级|省级|市级|区级|园区级)(?:的)?(?:专精特新|小巨人)?(?:企业)?(?:的)?)?(?:(?:也|还)(?:能|可以|会|有|算|要|需要)[^，,。；;？?]{0,8}|(?:能|可以)(?:被)?(?:优先|享受|参加|参与|申请|算|加分)[^，,。；;？?]{0,6})(?:吗|(?<![什怎这那])么|嘛|不)[?？]*$/u;

/** "适合我们吗", "我们符合吗", "对我们适用不", "我们这样也适用吗": whether the topic just talked about fits us. */
const FITS_US =
  /^(?:那|那么)?(?:(?:对|给)?(?:我们|咱们|我司)(?:也|来说|而言)?)?(?:这样|这样的话|这种情况下?)?(?:还|也|仍然?|依然)?(?:适合|适用于?|符合|满足|够格|够资格|合适|能用)(?:条件|要求)?(?:我们|咱们|我司)?(?:吗|么|嘛|不|没)[?？]*$/u;

/** An honour describing whom a question asks for ("区级专精特新的"). */
const HONOUR_DESCRIBED = /(?:国家级|省级|市级|区级|园区级)(?:的)?(?:专精特新|小巨人)?(?:企业)?(?:的)?/gu;

/** A short question asking whether the last topic holds for us too (the caller checks no topic is named). */
export function asksAlsoOfLastTopic(a: Analysis): boolean {
  // (An honour said with it — "那我们区级专精特新的也能被优先推荐吗" — is whom it is asked for, no more words asked.)
  const asked = a.clean.replace(HONOUR_DESCRIBED, '');
  return [...asked].length <= 12 && (ALSO.test(a.clean) || FITS_US.test(a.clean));
}

/**
 * An enterprise described by where it stands in the programme, as the subject of a question ("那只进了培育库、还没拿到荣誉的
 * 企业", "没有荣誉的入库企业", "像他们这种入库培育企业"): whom it is asked for, no topic.
 */
const STANDING_DESCRIBED =
  /^(?:那|那么)?(?:像)?(?:他们|我们|咱们|它们|她们)?(?:这种|这样的?|这类)?(?:(?:只|仅|刚|已经|还|尚)?(?:进了|入了|进入了?|加入了?|在|进)(?:园区的?)?培育库(?:里|中)?|(?:只|仅)?入库(?:培育)?|(?:还|尚)?(?:没|没有|未)(?:拿到|获得|评上|拿过|获得过|取得)?过?(?:任何)?(?:专精特新)?(?:荣誉|称号)|[、，,和且但]|的)+(?:企业|公司)?/u;

/** "那只进了培育库、还没拿到荣誉的企业能参加吗": whether an enterprise so described may, of the topic just talked about. */
export function asksAlsoForDescribed(a: Analysis): boolean {
  const subject = STANDING_DESCRIBED.exec(a.clean)?.[0] ?? '';
  if (!/培育库|入库|荣誉|称号/u.test(subject)) return false;
  const asked = `那${a.clean.slice(subject.length)}`;
  return [...asked].length <= 12 && ALSO.test(asked);
}

const ORDINAL_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** "上面说的第二个", "刚才那个第三项", "第2个呢", "里面第二条": the n-th of what was just listed (not 第三类, a tier). */
const ORDINAL = /^(?:那|那么)?(?:里面|其中|这里面|这里头|当中|这部分)?(?:的)?(?:(?:上面|刚才|前面|你|您)?(?:说|讲|提|列|介绍)?(?:到)?的?)?(?:那个)?第([一二两三四五六七八九1-9])(?:个|项|条|点|种)/u;

/** The n of a question that picks the n-th of what the last answer listed, or undefined. */
export function ordinalOf(a: Analysis): number | undefined {
  const m = ORDINAL.exec(a.clean);
  if (!m) return undefined;
  return ORDINAL_DIGITS[m[1]] ?? Number(m[1]);
}

/** "那同一个汇里还有啥", "这个汇还有哪些措施": the 汇 of the measure just talked about. */
const SAME_HUI = /(?:同一个|同一|该|它的|它所在的?|所属的?|本)汇|^(?:那|那么)?(?:这个|那个)汇/u;

export function asksSameHui(a: Analysis): boolean {
  return SAME_HUI.test(a.clean);
}
