/**
 * First-person eligibility questions about one measure ("我们能参加人才对接吗",
 * "为什么我们不能享受上市培育"): the advisor answers them from the saved profile. A general
 * question about a measure ("人才对接是什么", "深度诊断收费吗") has no first person asking
 * whether it applies, and stays a policy question.
 */

const SUBJECT = '(?:我们|我司|我公司|我们公司|我们企业|我们单位|本公司|本企业|咱们|咱|我)';
/** "may we / can we", then what they would do with the measure (能 of 智能/功能 is no "can") */
const MAY = '(?:能不能|可不可以|能否|是否能|是否可以|(?<![智功可技性效本才职])能(?!力|源|耗|化)|可以|有没有资格|有资格|够不够格|够格|符不符合|符合)';
const USE = '(?:被(?:优先)?(?:推荐|推送|对接|纳入|列入|邀请)|适用|参加|参与|参会|出席|去(?![年过掉除哪])|享受|申请|获得|得到|拿到|用上|用|对接|报名|报(?![告道销表价])|加入|入选|做|走|找|算(?!法)|成为|列入|纳入|进入|进(?!行|一步|度|展|口)|当)';
/** a yes/no question: a particle at the end, or an A-not-A form */
const YES_NO = /(?:吗|么|嘛|不|没|没有|呢)[？?。!！~～\s]*$|能不能|可不可以|能否|是否|是不是|够不够|符不符合/u;

/** conversational openers before the question proper: "那我们能…", "另外请问…" */
const OPENER = '(?:那么?|所以|另外|还有|再问一下|对了)?[，,]?(?:请问|想问一下|想问下|问一下|问下)?[，,]?';

const MAY_WE = new RegExp(`^${OPENER}${SUBJECT}[^？?]{0,12}?${MAY}${USE}`, 'u');
const WHY_NOT = new RegExp(
  `(?:为什么|为啥|为何|怎么|凭什么)${SUBJECT}?[^？?]{0,6}?(?:没有|没|不能|不可以|享受不了|不符合|参加不了|用不了|拿不到|不给|不在|不算)`,
  'u',
);
/** "我们是不是可以…", "我们有没有…" */
const ARE_WE = new RegExp(`^${OPENER}${SUBJECT}[^？?]{0,12}?(?:是不是|是否)(?:能|可以|符合|属于|有资格)`, 'u');

/** True when the text asks whether the measure it names applies to the asker's enterprise. */
export function asksOwnEligibility(text: string): boolean {
  if (WHY_NOT.test(text)) return true;
  return (MAY_WE.test(text) && YES_NO.test(text)) || ARE_WE.test(text);
}

/** "我们是市级专精特新" / "我司去年评上了省级专精特新": a statement about the user's own enterprise, no question. */
const STATES_OWN = new RegExp(`^${OPENER}${SUBJECT}(?:公司|企业)?[^，,。？?]{0,8}?(?:是|属于|获得了?|拿到了?|评上了?|被认定为|已经是|已是)`, 'u');
const QUESTION = /[？?]|吗|呢|么|嘛|哪|几|什么|怎么|如何|是否|能不能|可不可以/u;

/** True when the text states the user's own enterprise facts without asking anything. */
export function statesOwnFacts(text: string): boolean {
  return STATES_OWN.test(text) && !QUESTION.test(text);
}

const WE_MAY = new RegExp(`${SUBJECT}[^？?]{0,12}?${MAY}${USE}`, 'u');

/**
 * Like asksOwnEligibility, with the subject anywhere ("汇计划的培育我们能参加吗"): used when the
 * message's facts already decide the answer (a large enterprise, one outside the pool).
 */
export function asksWhetherWeMay(text: string): boolean {
  return asksOwnEligibility(text) || (WE_MAY.test(text) && YES_NO.test(text));
}

const ANY_MAY = new RegExp(`${MAY}${USE}`, 'u');
/** "海外人才能优先推荐给我们吗": what the measure gives, asked of the asker's enterprise */
const GIVEN_TO_US = new RegExp(`(?:推荐|提供|安排|介绍|分配|倾斜)给${SUBJECT}`, 'u');

/** "三类企业有份吗", "培育库里的企业也算吗": whether it is included, asked as whether it may. */
// ("是否明确将培育库企业纳入适用范围": the formal register asks the same.)
const HAS_A_SHARE = /有份|有没有份|也算|算不算|算在内|包括在内|在列|也适用|适不适用|纳入[^，,。？?]{0,4}范围|适用于|覆盖|涵盖|包括|包含/u;

/**
 * "大型企业能参加吗", "没入库能参加沙龙吗": whether an enterprise (the asker's or one the question
 * describes) may take part; the caller knows from the entities who is described.
 */
export function asksWhetherMay(text: string): boolean {
  return asksWhetherWeMay(text) || ((ANY_MAY.test(text) || GIVEN_TO_US.test(text) || HAS_A_SHARE.test(text)) && YES_NO.test(text)) || CONCERNS_US.test(text);
}

/**
 * "这个行动跟我们有啥关系", "和我们有关吗", "覆盖我们吗", "我们在适用范围内吗": whether the programme
 * concerns the enterprise at all.
 */
const CONCERNS_US = /(?:跟|和|与|对)(?:我们|我司|咱们|咱|我们公司|我们企业)(?:有|有没有)(?:啥|什么|没有)?(?:关系|关联)|(?:跟|和|与)(?:我们|我司|咱们)有关(?:吗|没|不)|对(?:我们|我司|咱们)有(?:啥|什么)?用(?:吗|不|没)?|(?:适用于?|覆盖(?:到)?|包括|包含|涵盖|惠及)(?:我们|我司|咱们|咱|我们公司|我们企业|我们这样的|我们这种)[^，,。]{0,6}(?:吗|么|不|没|没有)|(?:我们|我司|咱们)[^，,。？?]{0,8}在[^，,。？?]{0,8}(?:范围|之列)(?:内|里|之内)?(?:吗|么|不|没)/u;
