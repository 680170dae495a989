/**
 * An honour named as a goal ("准备申报省级专精特新", "想冲国家级", "还能申请市级的吗") is not one the
 * enterprise holds. The verbs are data (knowledge/nlu/entities.yaml `aspiration`); one reading serves
 * the entity extractor and the fact reader.
 */

/** Ends a clause: an aspiration verb reaches no further back than this. */
const CLAUSE_END = /[，,。；;？?！!\n]/u;
/** Ends what is said right after the honour: in WeChat text a space ends it too ("想冲省级 忙死了"). */
const PHRASE_END = /[，,。；;？?！!\n\s]/u;
/** Between the verb and the honour: what says it was obtained ("申报并获评省级") ends the goal. */
const OBTAINED = /获|评上|认定为|拿到|拿了|获批|通过/u;
/**
 * After the honour: still being applied for or not yet obtained ("国家级今年还在报", "省级的还没批下来",
 * "国家级还没评", "市级还在公示", "省级今年报了但没过", "省级那个是今年刚报上去", "省级今年报上去了还在评审", "国家级小巨人是今年申报的，还没公示"): not held. A verb with
 * an object of its own ("刚进培育库、还没评上荣誉") says nothing of what was named before it.
 */
const PENDING_AFTER =
  /^[^，,。；;？?！!\s、]{0,4}(?:没有?|未)(?:评上|评下来|通过|批下来|获批|拿到|选上|申请上|申上|报上|成功)(?![^，,。；;？?！!\s]{0,4}(?:荣誉|称号|资质|认定|国家级|省级|市级|区级|小巨人))|^[^，,。；;？?！!\s、]{0,4}(?:落选|没戏|失败了?)|^[^，,。；;？?！!\s、]{0,6}(?:报了|申报了|申请了|申了|冲了|参评了|试了)(?:一下|一次|一回)?(?:但|但是|可|可是|却|结果)?(?:没过|没通过|没评上|没批|没成|落选|未通过|被刷了?|失败了?)|^[^，,。；;？?！!\s]{0,6}(?:还在|正在|在)(?:报|申报|申请|评|走流程|公示|审核|审批|评审)|^[^，,。；;？?！!\s]{0,8}(?:刚刚?|才)(?:报|申报|提交|递交|报送)(?:上去|上|了|材料)|^[^，,。；;？?！!\s]{0,8}(?:报|申报|提交|递交|报送)上去了?(?![^。；;？?！!]{0,12}(?:批下来|批了|通过了|评上了|获批|拿到了))|^[^，,。；;？?！!\s]{0,4}是[^，,。；;？?！!\s]{0,4}(?:申报|申请|报)的(?=[，,。；;？?！!\s]|$)(?![^。；;？?！!]{0,16}(?:批下来|批了|批的|通过|评上|获批|拿到|认定))|^[^，,。；;？?！!\s]{0,6}(?:还没有?|尚未|还未)(?:批|下来|评上?|拿到?|获得|认定|申请上?|申报|报上?|出结果|公示)(?![^，,。；;？?！!\s]{0,4}(?:荣誉|称号|资质|认定|国家级|省级|市级|区级|小巨人))/u;
/** After the honour, in its clause: it was lost ("区级专精特新2024年复核没通过被撤销了", "省级荣誉被取消了"). */
/**
 * After the honour, ending its clause or before the next one's opening word in a voice message ("国家省市区的都没有他们
 * 这种…"): not held ("小巨人没有", "省级的还没评上"); a question mark asks instead.
 */
const DENIED_AFTER = /^[^，,。；;？?！!\n]{0,6}?(?:还|也|都|暂时|目前|尚)?(?:没有|没评上|没拿到|没拿|没评|未获得|未评上|没申请|没报)(?:呢|的)?(?=$|[，,。；;！!\n]|(?:他们|我们|她们|这种|那种|这样|请问|想问|所以|那|算|属于|现在|目前))/u;
const LOST_AFTER = /^[^，,。；;？?！!\n]{0,12}(?:被撤销|撤销了|已撤销|被撤|被摘牌|摘牌了|复核没通过|复核未通过|没通过复核|未通过复核|复核不通过|被取消|取消了|过期了|已过期|失效了|已失效|到期了)/u;
/** Before the honour: the direction aimed at ("再往市级、省级冲", "向国家级迈进"), with honours listed on the way. */
// (Not 面向 — "只面向国家级企业" says whom something is for — nor 导向, 方向, 意向, 以往.)
const TOWARD_BEFORE = /(?:(?<![以来过])往|(?<![面导方意走转趋倾指动])向|朝)(?:(?:国家|省|市|区)级?(?:专精特新)?[、和及与]?)*$/u;
/** After the honour: another enterprise's ("区级系另一家关联公司之荣誉", "省级那个是集团的"), not ours. */
const OTHERS_AFTER = /^[^，,。；;？?！!\n（(]{0,6}?(?:系|是|为|属于|乃)(?:我们|我司)?(?:的)?(?:另一家|另外一家|另一个|别的|别家|其他|其它|兄弟|关联|母|集团|总)(?:公司|企业|单位|家)?[^，,。；;？?！!\n]{0,8}?(?:的|之)(?:荣誉|称号|资质)?(?![^，,。；;？?！!\n]{0,3}(?:我们|我司))/u;
/**
 * Honours coordinated before this one ("没有省级和国家级", "未获评省、市级", "没有省级国家级"): a denial before the first
 * reaches every one of the list.
 */
// ("没有省级国家级": levels said one after another, nothing joining them.)
const COORDINATED_BEFORE = /(?:(?:国家|省|市|区)级?(?:的)?(?:专精特新|荣誉|称号|小巨人)?(?:和|与|及|以及|、|或|或者|跟|\/)|(?:国家|省|市|区)级(?:的)?(?:专精特新|荣誉|称号|小巨人)?)+$/u;
/** Before the honour, in its clause: a supposition ("如果明年评上", "要是拿到"). */
const SUPPOSING = /(?:如果|假如|要是|假设|万一|若是|倘若|一旦|等到)[^，,。；;？?！!]{0,12}$/u;
/** Obtaining it once more, later ("再评上省级又算几类"). */
const AGAIN_OBTAINING = /再(?:评上|拿到|获得|升到|冲上|评为|拿下)$/u;
/** After the honour: what it would make of us then ("…以后算几类", "…之后能加几分"). */
const THEN_ASKED = /^[^，,。；;？?！!\s]{2,8}?(?:以后|之后)[^，,。；;？?！!]{0,6}?(?:算|属于|归|变成|成为|能|可以|会|是|有)/u;
/** Before the honour, a sign it is held: a year, 已, 了 ("2021年评上区级以后…"). */
const HELD_BEFORE = /(?:19|20)\d{2}|已|了|曾/u;
/** After the honour: it was obtained all the same. */
const DONE_AFTER = /了(?!解)|已(?:经)?(?:获|批|通过|认定)|批下来|评上|拿到/u;

/** Before an honour, in its clause: it is what something is compared with ("能跟国家级一样享受"). */
const COMPARED_BEFORE = /(?:跟|与|同|像|比)$/u;
/** After it: the comparison itself. */
const COMPARED_AFTER = /^[^，,。；;？?！!\n]{0,4}(?:一样|相同|同等|一致|差不多|同样|相比|比较)/u;
/** Who made a claim ("听说", "同事说"): one alternation for the claim in a clause and for the clause that opens with it. */
export const HEARSAY_SOURCE = '(?:听说|据说|听人说|有人说|听(?:领导|老板|同事|朋友|别人|同行|中介|顾问|人家)(?:说|讲)|(?:有(?:个|位)?|我们?的?)?(?:领导|老板|同事|朋友|别人|同行|网上|中介|顾问|他们|人家)(?:跟我|和我|都)?(?:说|讲)|我(?:的)?(?:理解|以为|记得|印象中|印象里)(?:是)?|据我(?:了解|所知))';
/**
 * Earlier in its clause: a claim someone made ("领导说区级也算一类", "同事说区级和省级一样"), not the
 * enterprise telling its own honours — unless the claim is of us ("老板说我们去年拿了省级").
 */
const HEARSAY = new RegExp(`${HEARSAY_SOURCE}(?![^，,。；;？?！!\\n]*(?:我们|我司|本公司|我们公司|我们企业|咱们|俺们))[^，,。；;？?！!\\n]*$`, 'u');
const HEARSAY_ANYWHERE = new RegExp(HEARSAY_SOURCE, 'u');

export class AspirationReader {
  private readonly verbAtEnd?: RegExp;
  private readonly denialAtEnd?: RegExp;

  constructor(verbs: readonly string[], denials: readonly string[] = []) {
    this.verbAtEnd = verbs.length ? new RegExp(`(?:${verbs.map((v) => `(?:${v})`).join('|')})([^，,。；;？?！!]{0,8})$`, 'u') : undefined;
    // Only the words just before the honour ("不是省级", "没评上过国家级的"): a year or 的 may stand between.
    this.denialAtEnd = denials.length ? new RegExp(`(?:${denials.map((v) => `(?:${v})`).join('|')})(?:过|了)?(?:(?:19|20)?\\d{2}年(?:的)?)?$`, 'u') : undefined;
  }

  /** True when the honour mentioned at `index` is denied right before it ("是市级的，不是省级"). */
  deniedAt(text: string, index: number): boolean {
    if (!this.denialAtEnd) return false;
    const clause = text.slice(Math.max(0, index - 24), index).split(CLAUSE_END).pop() ?? '';
    const near = clause.slice(-12);
    if (this.denialAtEnd.test(near)) return true;
    const listed = clause.replace(COORDINATED_BEFORE, '');
    return listed !== clause && this.denialAtEnd.test(listed.slice(-12));
  }

  /** Held: neither a goal nor denied. */
  heldAt(text: string, index: number): boolean {
    const after = text.slice(index + 2, index + 24);
    return !this.aspiredAt(text, index) && !this.deniedAt(text, index) && !LOST_AFTER.test(after) && !DENIED_AFTER.test(after) && !OTHERS_AFTER.test(after);
  }

  /** True when the honour mentioned at `index` is supposed ("如果我们明年评上国家级"): a condition of the question, not a fact. */
  supposedAt(text: string, index: number): boolean {
    const before = text.slice(Math.max(0, index - 16), index).split(CLAUSE_END).pop() ?? '';
    if (SUPPOSING.test(before) || AGAIN_OBTAINING.test(before)) return true;
    // ("评上区级以后算几类": what follows the honour asks what it would make of us — unless it was said when it came.)
    return THEN_ASKED.test(text.slice(index, index + 20).split(CLAUSE_END)[0]) && !HELD_BEFORE.test(before);
  }

  /** True when the honour mentioned at `index` of `text` is the object of an aspiration verb in its clause. */
  aspiredAt(text: string, index: number): boolean {
    if (PENDING_AFTER.test(text.slice(index + 2, index + 18))) return true;
    // ("评上以后再往市级、省级冲", "朝国家级努力": the way up, not what is held.)
    if (TOWARD_BEFORE.test(text.slice(Math.max(0, index - 12), index).split(CLAUSE_END).pop() ?? '')) return true;
    if (!this.verbAtEnd) return false;
    const before = text.slice(Math.max(0, index - 16), index);
    const clause = before.split(CLAUSE_END).pop() ?? '';
    const m = this.verbAtEnd.exec(clause);
    if (!m || OBTAINED.test(m[1])) return false;
    // "去年申报的省级专精特新已经批了", "想评的市级评上了": done, so held.
    const after = text.slice(index, index + 14).split(PHRASE_END)[0];
    return !DONE_AFTER.test(after);
  }
}

/** Where a claim is reported, a comparison within it is part of the claim ("领导说区级也算一类，能跟国家级一样"). */
const CLAIM_REACH = 40;
const SENTENCE_END = /[。；;？?！!\n]/u;

/**
 * The honour at `index` is one someone claimed ("同事说区级和省级一样") or compared with in a claim, not
 * one the enterprise says it holds. Callers drop such honours only when the message tells held ones besides.
 */
export function claimedAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index).split(CLAUSE_END).pop() ?? '';
  if (HEARSAY.test(before)) return true;
  const sentence = text.slice(Math.max(0, index - CLAIM_REACH), index).split(SENTENCE_END).pop() ?? '';
  return COMPARED_BEFORE.test(before.slice(-1)) && COMPARED_AFTER.test(text.slice(index + 2, index + 12)) && HEARSAY_ANYWHERE.test(sentence);
}

/** Mentions of honours without those claimed, when some are told as held besides. */
export function withoutClaimed<T extends { index: number }>(text: string, mentions: T[]): T[] {
  const told = mentions.filter((m) => !claimedAt(text, m.index));
  return told.length > 0 ? told : mentions;
}
