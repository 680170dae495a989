/**
 * Typo fixes and synonyms from knowledge/nlu/synonyms.yaml.
 * Typos are replaced; synonyms add their canonical term to the words of the text
 * (and replace it in the text when the group says `replace: true`).
 */
import type { SynonymsFile } from '../knowledge/schema';
import type { PinyinCorrector } from './pinyinCorrector';
import type { RomanizedPinyin } from './romanizedPinyin';
import { cleanText, escapeRegExp } from '../text/normalize';
import { toSimplified } from '../text/simplified';
import { withoutNoise } from './noiseTokens';
import { withSelfCorrections } from './selfCorrections';
import { CONFIRMATION_TAG } from './questionWords';

/** A space between two ideographs, where a domain word may have been split. */
/** A verb and its object with a measure word between them (离合词: 贷点款, 加了分). */
// (Not after a numeral or a demonstrative: "一个类别" is no 一类 said apart.)
const SEPARATED_WORD = /([^\P{Script=Han}一二三四五六七八九十两几每这那哪各某半])(?:一笔|一点|点儿|一些|点|笔|些|了|过)(\p{Script=Han})/gu;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/u;
const SPACE_BETWEEN_HAN_ALL = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu;
/** Longest part of a split word looked at on each side of the space. */
const MAX_SPLIT_PART = 6;

/**
 * Spoken openings before the message proper ("嗯那个我想报名…", "就是，我们公司…"), as voice input and
 * hesitant typing leave them. 嗯/呃 always; the others only before a pause or a first person, where
 * they cannot be a word of the question ("这个计划", "额度" stay).
 */
const SPOKEN_OPENING = /^(?:(?:嗯+|呃+)[,，、.。…\s~～]*|(?:额+|唔+|恩+|emm+|那个|这个|就是说?|然后)(?:[,，、.。…\s~～]+|(?=我|俺|伲|咱|嗯|呃|那个|就是)))+/u;

/**
 * An adverb between wanting and the request ("我们想先报名…", "要马上预约"): the request reads as said plainly, so
 * every request pattern sees "想报名".
 */
const ADVERB_IN_REQUEST = /(想|要|准备|打算|希望|需要)(?:先|就|再|也|马上|赶紧|尽快|直接|顺便|现在|立刻|抓紧)(?=报名|报个|报一|参加|预约)/gu;

/** An adverb between being asked and helping ("领导让我顺便帮子公司报一下"): the request as said plainly. */
const ADVERB_BEFORE_HELPING = /(让我|叫我|要我|托我)(?:顺便|顺带|顺手|也|再|先|就)(?=帮)/gu;

/** A wish in the written register ("我司欲报名参加…", "有意参加企业沙龙"): the plain 想 every request pattern knows. */
const FORMAL_WISH = /(?:意欲|欲|有意|亟需|亟欲)(?=报名|报个|报一|参加|预约)/gu;

/**
 * The written register's "X为何" ending a clause asks what X is ("文号为何？", "支持内容为何"), not why; "这是为何",
 * "为何要入库" still ask why.
 */
const WHAT_IT_IS = /(?<=\p{Script=Han})(?<![是这那此因])为何(?=\s*(?:[？?。，,；;！!]|$))/gu;

/** 兹 ("hereby") of official letters before the request ("兹报名参加专精特新企业沙龙"): the request as said plainly. */
const HEREBY = /(?<=^|[，,。：:；;\s])兹(?=报名|申请|参加|预约)/gu;

/** The written register's bare 可 before what may be done ("可享受什么支持", "可参加吗"): 可以, as everyday words say it. */
const FORMAL_MAY = /(?<![可认许宁不])可(?=享受|参加|参与|申请|申报|获得|得到|加分)/gu;

/** A Latin letter or a digit (the text is lower-cased). */
const LATIN_OR_DIGIT = /[a-z0-9]/u;
/** Only English words ("sign up for", "who is responsible for"). */
const ENGLISH_WORDS = /^[a-z' -]+$/u;

/** Politeness around a request ("冒昧请教一下", "不知道方不方便给我们报个名"): the request itself is what is said. */
/** "难道三类企业就什么支持都没有吗": nothing at all doubted is what there is asked. */
const NOTHING_AT_ALL = /(?:难道)?(?:就)?(?:一点|一项|任何)?(什么|啥)([^，,。？?！!]{1,6}?)(?:也|都)(?:没有|没)(?:吗|么|嘛|啊)?/gu;
/** A rhetorical "难道", "总不至于" only doubts: the question is the same without it. */
const RHETORICAL = /难道(?:说)?|(?:总)?不至于(?:连)?/gu;
/** Wu speech typed by voice ("要上市额企业", "谁负责额"): 额 for 的, except in 名额, 金额, 额度, 额外… */
const SPOKEN_DE = /(?<=\p{Script=Han})(?<![金限名份总余差超定税配数面票款用营])额(?![度外头])/gu;
/** "有没有人能帮他们看看差在哪": whether anyone helps is whether it is helped with — the service asked, no person sought. */
const ANYONE_WHO_HELPS = /有没有人(?:能|可以|会|愿意)?(?=帮)/gu;
/** "…也能参加沙龙吧": a supposition put for confirmation asks as 吗 does. */
const CONFIRMING = /((?:能|可以|会|算|属于)[^，,。；;？?！!吧]{0,12})吧(?=[？?。!！]*$|[，,。；;])/gu;
// ("帮我列一下人才汇有哪几条措施": how to answer, not what is asked.)
/** A short enterprise name opening the text ("恒铸精工", "凌川热管理") right before what is asked of it. */
const ENTERPRISE_NAMED_FIRST =
  /^((\p{Script=Han}{2,4}?)(?:精工|科技|电子|新材料?|材料|智能|机械|生物|医药|医疗|光电|半导体|精密|股份|集团|实业|制造|装备|热管理|环保|能源|软件|信息|检测|仪器|化工|微电子|光学|通信|传感|铸造|模具|机电|电气|动力|网络|器械))(?=在|能|可以|可不可以|能不能|能否|属于|算|有没有|还能|想)/u;
/** What opens no name: a pronoun, a demonstrative, a place or kind of enterprise ("园区科技", "我们集团"). */
const NOT_A_NAME = /^(?:我|我们|我司|咱|贵|该|这|那|本|园区|苏州|区内|国家|省|市|区|专精|中小|高新|规上|民营|外资|国有|一家|某)/u;
const POLITE_WRAPPER = /^(?:请|麻烦)?(?:帮我|帮忙|给我|替我)?(?:列一下|列下|列出来?|列个清单|罗列一下|梳理一下)(?=\p{Script=Han}{4})|冒昧(?:地)?(?:再)?(?:请教|打扰|问)(?:一下|下|一句|几句)?|(?:不知道|不晓得|请问)?(?:方不方便|是否方便|方便的话)|(?:想|要|得|还得|还要)?(?:麻烦|劳烦|烦请|有劳)(?:您|你)(?:们)?(?=帮|给|替)/gu;

/**
 * A class of a product or a licence ("三类医疗器械", "二类注册证", "第iii类器械"): no tier of the programme — the class goes,
 * the product stays.
 */
const PRODUCT_CLASS = /(?:第)?(?:[一二三123]|i{1,3})类(?=(?:医疗)?器械|医疗器械|医械|药品|耗材|体外诊断|ivd|诊断试剂|注册证|备案|产品注册|许可证|经营许可|生产许可|资质证|危险品|危化品|压力容器|特种设备|商标|疫苗)/gu;

/** Now, with this year in brackets after it ("到现在（2026年）还算一类吗"): the year only restates today — no year told. */
const NOW_WITH_YEAR = /(现在|目前|今年|当前|如今|眼下)\s*\(\s*(?:19|20)\d{2}\s*年?\s*\)/gu;

/** A tier written with an Arabic numeral ("2类企业", "属于1类吗"), not a count inside a larger number or a code. */
const DIGIT_TIER = /(?<![\d.\-/A-Za-z])([123])类(?!\d)/gu;
const TIER_NUMERALS: Record<string, string> = { 1: '一', 2: '二', 3: '三' };

/** The programme called by its last character alone ("汇 谁牵头", "那个汇里算几类"): no 汇 of the five, no other word. */
// ("分几个‘汇’", "五个汇": the 汇 counted are the five, not the programme.)
const HUI_ALONE = /(?<![几五5两多少][个大项种]\s*[‘'"“「『]?)(?<=^|[^\p{Script=Han}]|那个|这个|问下|问一下|请问|了解下|了解一下|咨询下|咨询一下)汇(?=[^\p{Script=Han}]|里|中|是|有|谁|的|$)/gu;

/**
 * Whether the assistant is a person, asked beside a real question ("你是机器人还是真人客服？我们…能加几分"): no request
 * for a person — the rest is what is asked. (Asked alone, it stays: the assistant says what it is.)
 */
const BOT_IDENTITY = /(?:请问|先问下|先问一下|问下|问一下)?(?:你|您)(?:这边)?(?:是|是不是|到底是|究竟是)(?:不是)?(?:机器人|真人|人工|ai|智能客服|人工客服|机器|客服|自动回复|程序|人工智能)(?:客服)?(?:吗|吧|呢|么|啊|呀|嘛)?(?:还是(?:真人|人工|机器人|ai|智能|机器)(?:客服)?(?:啊|呀|呢|吗)?)?[？?，,。!！~～\s]*/gu;
/** Enough left of a message to be a question of its own. */
const HAN_RUN = /\p{Script=Han}.*\p{Script=Han}.*\p{Script=Han}.*\p{Script=Han}/u;

/**
 * A question labelled "Q1:", "问题2：", "question 3." — the label opens an item of the message, it asks nothing:
 * at the start it goes, inside the message it parts the questions.
 */
const QUESTION_LABEL = /(^|[\s,，。;；?？!！])(?:q|question|问题)\s*[1-9]\d?\s*[:：.、)）]\s*/gu;

export interface Normalized {
  /** cleaned text with typos fixed and replace-synonyms applied */
  text: string;
  /** canonical terms of the synonyms found in the text */
  canonicals: string[];
  /** the synonym variants found, with their canonical term */
  matches: Array<{ variant: string; canonical: string }>;
}

interface Variant {
  canonical: string;
  replace: boolean;
}

/** A regex alternation of the keys, longest first; latin keys only match whole words. */
function alternation(keys: string[], withSpaces = false): RegExp | undefined {
  if (keys.length === 0) return undefined;
  // (withSpaces: an English word takes the spaces around it that only parted it from the Chinese —
  // "what if we 升到 省级" is read "如果升到省级", one clause, not three.)
  const [open, close] = withSpaces ? ['\\s*', '\\s*'] : ['', ''];
  const parts = [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => (/^[a-z0-9 ]+$/.test(k) ? `(?<![a-z0-9])${open}${escapeRegExp(k)}${close}(?![a-z0-9])` : escapeRegExp(k)));
  return new RegExp(parts.join('|'), 'g');
}

/** Whether we too may, tagged for confirmation after a comma ("那我们…也能被优先推荐，对吧？"): asked as a yes/no question. */
const TAGGED_CLAIM = new RegExp(`(?<=^[^，,。？?！!]{0,12}(?:也|还)(?:能|可以|会|算|有)[^，,。？?！!]{0,12})[，,]\\s*${CONFIRMATION_TAG}(?=[？?。!！]*$|[？?])`, 'gu');

/**
 * Pointing back at the last answer by who said it or where ("你刚才说的责任单位", "上面提到的那个中心", "其中提到的经济大脑"):
 * the same as pointing with 那个 (a following "那个" kept as it is; "你说的对" agrees and stays).
 */
/** 那 typed for 哪 before whom a question asks for ("这块归那个部门管", "是那个部门负责的"): which office, asked. */
const WHICH_OFFICE_TYPED = /(?<=归|由|属于|是|找)那(?=(?:一个|个|些|家)(?:部门|单位|机构|局|处室)(?:管|负责|牵头|来管|主管|在办|在搞|来办|办|组织|举办|主办|的|呢|啊|吗|[?？]|$))/gu;

const BACK_REFERENCE = /(^|[，,。！!？?；;\s])(?:好的[，,]?|嗯[，,]?)?(?:(?:你|您)(?:刚才|刚刚|刚|上面|前面|之前|方才)?|(?:刚才|刚刚|上面|前面|之前|方才)(?:你|您)?|(?:其中|这其中|里面|这里面|里头|当中|文中|这段|这条|该条)(?:所)?)(?:所)?(?:说|提|讲|介绍|列|写|回答|答|提及)(?:到|过|出)?的(?:那个|这个)?(?=\p{Script=Han})(?!对|没错|不对|有道理|是对)/gu;

export class Normalizer {
  private readonly typos: Map<string, string>;
  /** typos written in Chinese characters alone */
  private readonly typoRe?: RegExp;
  /**
   * typos with Latin letters or digits ("we're", "tier几"), apart: their spaces and word edges make the
   * regex try every key at every position, so it runs only on a text holding one of them
   */
  private readonly latinTypoRe?: RegExp;
  /** any of those keys as typed, without spaces or word edges: quick to tell that none is there */
  private readonly latinTypoSeen?: RegExp;
  /** written dialect, read before Traditional characters are converted ("係" is 是 there, 系 once converted) */
  private readonly dialect: Map<string, string>;
  private readonly dialectRe?: RegExp;
  /** Simplified characters the Traditional→Simplified tables would change: kept as typed */
  private readonly simplifiedToo: ReadonlySet<string>;
  private readonly variants = new Map<string, Variant[]>();
  private readonly variantRe?: RegExp;

  constructor(
    synonyms: SynonymsFile,
    /** homophone typos of domain words (read by pinyin), after the listed typos */
    private readonly corrector?: PinyinCorrector,
    /** domain words typed in pinyin letters ("biaogan学习"), read first */
    private readonly romanized?: RomanizedPinyin,
  ) {
    // Dialect words ("喺", "咩", "我哋", "話我知") are read as their Mandarin words before anything else,
    // in the characters they were typed in; listed typos after Traditional characters are read as Simplified.
    this.simplifiedToo = new Set(synonyms.simplifiedToo);
    const cleaned = (table: Record<string, string>) => new Map(Object.entries(table).map(([k, v]) => [cleanText(k), cleanText(v)]));
    this.dialect = cleaned(synonyms.dialect);
    this.dialectRe = alternation([...this.dialect.keys()]);
    this.typos = cleaned(synonyms.typos);
    const typoKeys = [...this.typos.keys()];
    this.typoRe = alternation(typoKeys.filter((k) => !LATIN_OR_DIGIT.test(k)));
    const latinKeys = typoKeys.filter((k) => LATIN_OR_DIGIT.test(k));
    this.latinTypoRe = alternation(latinKeys, true);
    this.latinTypoSeen = latinKeys.length ? new RegExp(latinKeys.map(escapeRegExp).join('|')) : undefined;
    for (const group of synonyms.synonyms) {
      const canonical = cleanText(group.canonical);
      for (const v of group.variants) {
        const key = cleanText(v);
        const list = this.variants.get(key) ?? [];
        list.push({ canonical, replace: group.replace });
        this.variants.set(key, list);
      }
    }
    this.variantRe = alternation([...this.variants.keys()]);
  }

  /** Cleans the text and fixes known typos. */
  fixTypos(raw: string): string {
    const typed = withoutBotIdentity(withSelfCorrections(withoutNoise(withoutQuestionLabels(cleanText(raw)))));
    // ("还有啥人才方面的支持": 啥人 whose 人 begins 人才 is no dialect 谁.)
    const dialect = this.dialectRe ? typed.replace(this.dialectRe, (m, offset: number) => (this.lendsLastCharacter(typed, m, offset) ? m : this.dialect.get(m) ?? m)) : typed;
    const spoken = dialect.replace(SPOKEN_OPENING, '').replace(SPOKEN_DE, '的') || dialect;
    // (Traditional characters before the tables below, written in Simplified.)
    const cleaned = toSimplified(spoken, this.simplifiedToo);
    const text = this.romanized ? this.romanized.read(cleaned) : cleaned;
    // (Two English words read in a row leave no space between their Chinese: "what if we upgrade to" → 如果升到.)
    const fixed = this.fixListedTypos(text);
    const joined = this.corrector ? this.joinSplitWords(this.joinSeparatedWords(fixed, this.corrector), this.corrector) : fixed;
    const corrected = this.corrector ? this.corrector.correct(joined) : joined;
    return this.withEnterpriseNameAsUs(corrected).replace(HUI_ALONE, '汇计划').replace(PRODUCT_CLASS, '').replace(NOW_WITH_YEAR, '$1').replace(DIGIT_TIER, (_m: string, d: string) => `${TIER_NUMERALS[d]}类`).replace(ADVERB_IN_REQUEST, '$1').replace(ADVERB_BEFORE_HELPING, '$1').replace(FORMAL_WISH, '想').replace(FORMAL_MAY, '可以').replace(HEREBY, '').replace(WHAT_IT_IS, '是什么').replace(POLITE_WRAPPER, '').replace(ANYONE_WHO_HELPS, '能不能').replace(NOTHING_AT_ALL, '有什么$2').replace(RHETORICAL, '').replace(CONFIRMING, '$1吗').replace(TAGGED_CLAIM, '吗').replace(BACK_REFERENCE, '$1那个').replace(WHICH_OFFICE_TYPED, '哪');
  }

  /**
   * "恒铸精工在融资贷款方面能享受什么支持": an enterprise called by its own short name at the start, before what it asks,
   * is the enterprise asked of — read as 我们. A name is no word of the language ("人工智能在…" stays).
   */
  private withEnterpriseNameAsUs(text: string): string {
    const m = ENTERPRISE_NAMED_FIRST.exec(text);
    if (!m || !this.corrector) return text;
    const [, name, stem] = m;
    if (this.corrector.isGeneralWord(name) || this.corrector.isGeneralWord(stem) || this.corrector.knows(name) || NOT_A_NAME.test(stem)) return text;
    return `我们${text.slice(name.length)}`;
  }

  /** The listed typos read as their words (two read in a row, parted by spaces alone, are joined). */
  private fixListedTypos(text: string): string {
    const marked = (m: string) => (this.typos.has(m.trim()) ? `\u0001${this.typos.get(m.trim())}\u0001` : m);
    const han = this.typoRe ? text.replace(this.typoRe, marked) : text;
    const both = this.latinTypoRe && this.latinTypoSeen?.test(han) ? han.replace(this.latinTypoRe, marked) : han;
    return both === text ? text : both.replace(/\u0001\s*\u0001/gu, '').replace(/\u0001/gu, '');
  }

  /** A two-character domain word said apart around a measure word ("贷点款", "贷一笔款", "加了分"): the word itself. */
  private joinSeparatedWords(text: string, corrector: PinyinCorrector): string {
    return text.replace(SEPARATED_WORD, (m: string, first: string, second: string) => (corrector.knows(`${first}${second}`) ? `${first}${second}` : m));
  }

  /**
   * A domain word typed with a space inside it ("人才 对接 部门", "资源 集约利用"): the space goes, so the
   * word is read whole. Spaces between other words stay (they may part clauses).
   */
  private joinSplitWords(text: string, corrector: PinyinCorrector): string {
    if (!SPACE_BETWEEN_HAN.test(text)) return text;
    return text.replace(SPACE_BETWEEN_HAN_ALL, (space: string, offset: number) => {
      const before = [...text.slice(Math.max(0, offset - MAX_SPLIT_PART), offset)];
      const after = [...text.slice(offset + space.length, offset + space.length + MAX_SPLIT_PART)];
      // (Two characters at least on each side: "发的 文号" is no split "发的文".)
      for (let i = 0; i <= before.length - 2; i++) {
        const head = before.slice(i).join('');
        if (!/^\p{Script=Han}+$/u.test(head)) continue;
        for (let j = 2; j <= after.length; j++) {
          const tail = after.slice(0, j).join('');
          if (!/^\p{Script=Han}+$/u.test(tail)) break;
          if (corrector.knows(head + tail)) return '';
        }
      }
      return space;
    });
  }

  /** Typos fixed, synonyms resolved. */
  normalize(raw: string): Normalized {
    return this.resolveSynonyms(this.fixTypos(raw));
  }

  /** The match's last character begins a word that goes on after it and opens domain words ("人才" of 人才对接). */
  private lendsLastCharacter(text: string, m: string, offset: number): boolean {
    const after = text.slice(offset + m.length - 1, offset + m.length + 1);
    return m.length >= 2 && HAN_ONLY.test(m) && (this.corrector?.beginsDomainWord(after) ?? false);
  }

  /** The match's first character ends a word begun before it and its last one begins a word after it. */
  private straddlesWords(text: string, m: string, offset: number): boolean {
    const corrector = this.corrector;
    if (!corrector || m.length < 2 || offset === 0 || !HAN_ONLY.test(m)) return false;
    const endsWordBefore = [2, 3].some((n) => offset + 1 >= n && corrector.isGeneralWord(text.slice(offset + 1 - n, offset + 1)));
    const after = text.slice(offset + m.length - 1, offset + m.length + 1);
    return endsWordBefore && after.length === 2 && corrector.isGeneralWord(after);
  }

  /** Synonyms resolved in a text already cleaned and fixed (fixTypos). */
  resolveSynonyms(fixed: string): Normalized {
    if (!this.variantRe) return { text: fixed, canonicals: [], matches: [] };
    const canonicals = new Set<string>();
    const matches: Normalized['matches'] = [];
    const text = fixed.replace(this.variantRe, (m, offset: number) => {
      // ("半导体检测": 体检 there is the end of one word and the start of the next, no variant.)
      if (this.straddlesWords(fixed, m, offset)) return m;
      const list = this.variants.get(m) ?? [];
      let out = m;
      for (const v of list) {
        canonicals.add(v.canonical);
        matches.push({ variant: m, canonical: v.canonical });
        // Do not rewrite when the canonical term is already there (招聘会 inside 专场招聘会).
        const around = fixed.slice(Math.max(0, offset - v.canonical.length), offset + m.length + v.canonical.length);
        // (A variant holding its canonical term — 怎么才能 → 怎么 — is rewritten all the same.)
        if (v.replace && (m.includes(v.canonical) || !around.includes(v.canonical))) out = v.canonical;
      }
      // (An English phrase read as Chinese takes the spaces that only parted it from the Chinese around it:
      // "i want to sign up for the salon" → 我想报名…沙龙, one clause.)
      return out !== m && ENGLISH_WORDS.test(m) ? `\u0001${out}\u0001` : out;
    }).replace(/\s*\u0001\s*/gu, '');
    // A rewrite may complete another variant ("啥时候印发" → "什么时候印发", a variant of 印发日期): its
    // canonical term is added too (nothing is rewritten a second time).
    if (text !== fixed) {
      for (const m of text.matchAll(this.variantRe)) {
        for (const v of this.variants.get(m[0]) ?? []) {
          if (v.replace || canonicals.has(v.canonical)) continue;
          canonicals.add(v.canonical);
          matches.push({ variant: m[0], canonical: v.canonical });
        }
      }
    }
    return { text, canonicals: [...canonicals], matches };
  }
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The text without a question of whether the assistant is a person, when something else is asked beside it. */
function withoutBotIdentity(text: string): string {
  if (!text.includes('你') && !text.includes('您')) return text;
  const rest = text.replace(BOT_IDENTITY, '');
  return rest !== text && HAN_RUN.test(rest) ? rest : text;
}

/** The text without "Q1:"-style labels: gone at the start, a break between the questions elsewhere. */
function withoutQuestionLabels(text: string): string {
  if (!/[q问]/u.test(text)) return text;
  // (Each label becomes a break; one at the start, or right after a mark that already breaks, is dropped.)
  return text.replace(QUESTION_LABEL, (_m: string, before: string) => `${before.trim()}；`).replace(/^；+/u, '').replace(/([?？!！。;；])；/gu, '$1');
}
