/**
 * A message cut into clauses before anything is searched: punctuation, spaces in unpunctuated
 * (WeChat-style) text and connectives (另外, 顺便, 想问, 请问, 老板让我问…) end a clause. Each clause
 * is then one of:
 * - filler: greetings and politeness (您好, 打扰一下);
 * - fact: a statement about the user's own enterprise (我们是做…的, 员工…人, 2024年评上…, 制造业) —
 *   it feeds the facts and is never searched;
 * - context: background that is neither (听说有个苗圃计划): it may lend its topic to a question
 *   that has none of its own ("这个是面向什么企业的");
 * - ask: a question or request; retrieval and aspect detection read only these.
 */

import { HEARSAY_SOURCE } from './aspiration';
import { CONFIRMATION_TAG } from './questionWords';
import { againAsked } from './againAsked';
export type ClauseKind = 'filler' | 'fact' | 'context' | 'ask';

export interface Clause {
  /** the clause without its lead-in (想问一下, 请问) */
  text: string;
  kind: ClauseKind;
  /** the clause names the user's own enterprise as its subject (我们, 我司…) */
  firstPerson: boolean;
  /** while splitting only: the clause asked nothing but brevity ("一句话？") */
  brief?: boolean;
  /** the clause is the message's question without how to answer it ("一二三类 一句话概括下区别" → 一二三类区别) */
  condensed?: boolean;
}

/**
 * Punctuation that ends a clause (、 joins lists and does not); a question mark is kept as a sign. In
 * unpunctuated text a space between words ends one too, also beside English words attached to Chinese
 * ("我是公司hr 我们做…", "…的 headcount大概150"), not around one standing alone ("专精特新 show 是什么活动").
 */
// (A tilde between numbers is a range — "3~4场" — not a pause; a dash after a quotation is: "“…”——我想报名". A
// half-width full stop ends a clause before a space, as typed among English: "今年想冲省级. 背景: …"; not in 3.5.)
const BREAK = /([，,。．！!？?；;\n…\p{Extended_Pictographic}\u200d\ufe0f]+|(?<=[^\d\s.])\.(?=\s|$)|(?<=[”"」』])\s*—+|(?<!\d\s*)[~～]+|[~～]+(?!\s*\d)|(?:(?<!\d)[：:](?!\d)|(?<=\p{Script=Han})[：:](?=\d))\s*[“"「『]?|(?<=[\p{Script=Han})）\]】])\s+(?=\p{Script=Han}|[a-z]+(?: [a-z]+)*[\p{Script=Han}\d])|(?<=[\p{Script=Han}\d][a-z]+(?: [a-z]+)*|\d)\s+(?=\p{Script=Han}))/u;
/**
 * Connectives that open a new clause; the lead-in itself is dropped. Longest first.
 * "老板让我问一下", "领导想了解", "想咨询下", "顺便问下", "另外", "替会员企业问一下", "hr小姐姐让我问下".
 */
// ("学校科研处问我园区对…有没有…": asked by someone else, the question that follows is what is asked.)
// ("老板问金鸡湖人才计划我们能报不": the boss's question, passed on, is what is asked.)
const LEAD_IN =
  /[\p{Script=Han}a-z]{1,8}?(?<!请)(?:问我|问过我|来问我|打电话问我|找我问)(?!们)(?=[^，,。？?]{4})|(?:老板|领导|上级|老总|董事长|总经理)(?:刚才|刚刚|又|还)?(?:在)?问(?![问一下过题我们])(?=[^，,。？?]{4})|(?:(?:老板|领导|公司|财务|同事|上级)(?:的)?原话(?:是)?|[\p{Script=Han}a-z]{1,6}?(?:让我|叫我|要我|托我)|(?:替|帮|代|为)(?:我们?的?)?(?:会员|客户|朋友|亲戚|同学|别人|人家|一家|某家|[\p{Script=Han}]{0,6}?(?:企业|公司|单位|客户|会员|厂))|(?:老板|领导|公司|财务|同事|上级)(?:开会)?(?:让我|叫我|要我|想|要|说想)?|我(?:这边)?(?:还)?|想|就是|主要是|麻烦)?(?:想|要)?(?:先|再|也)?(?:问问|问一下|问下|咨询一下|咨询下|咨询|了解一下|了解下|了解|知道一下|知道|请教一下|请教|打听一下|打听|查一下|查查|查询一下|查下|(?<=想)问(?!题))(?:一下|下)?|另外|此外|顺便(?:问一?下)?(?=问|咨询|了解|请教|说一?下|$|[，,：:])|请问(?:一下|下)?|(?:哦|噢)?对了|p\.?s\.?(?=[\s:：,，]|\p{Script=Han})\s*|(?:注|另)(?=[:：])/u;
// ("先问下哈，…": a particle may follow the lead-in.)
const LEAD_IN_AT_START = new RegExp(`^(?:${LEAD_IN.source})+(?:哈|啊|呀|哦|嘛|吧)*[：:，,]?`, 'u');
const CONNECTIVE = /(?<=[\p{Script=Han}a-z0-9])(另外|此外|顺便(?=问|咨询|了解|请教|说)|请问|(?:老板|领导)(?:开会)?(?:让我|叫我|要我|想)|我?想(?:问问|问一下|问下|咨询|了解|知道))/gu;
const MARK = '\u0001';
const CLOSING_QUOTE = /^[”」』’]+\s*/u;

const FILLER = /^(?:您好|你好|你们好|贵方好|老师好|各位好|大家好|早上好|上午好|中午好|下午好|晚上好|早安|hello|hi|嗨|哈喽|在吗|在么|在嘛|在不在|在线吗|(?:你|您|客服|小助手|老师)在吗|有人吗|有人在吗|有人在么|有人没|有没有人|有人在不|打扰了|打扰一下|打扰|(?:先)?(?:简单)?(?:做个|做一下)?自我介绍(?:一下|下)?|冒昧(?:打扰|请教|问一下)?|(?:百忙之中)?(?:劳烦|麻烦)(?:您|你)?|百忙之中|劳您|(?:再)?叨扰(?:一句|一下)?|(?:实在|非常|十分)?抱歉|(?:万分|非常|十分)感谢|感激不尽|辛苦了|(?:你|您)?(?:还是)?(?:没|没有)(?:回答|答|理解|听懂|看懂)(?:我的?问题|我的意思|我问的|我说的)?|答非所问|(?:你|您)?(?:理解|答|回答|说|搞)错了|(?:哎呀|哎|啊|哦|噢|呃)?(?:不对|不是)(?:不对|不是)+|(?:我)?(?:打|写|输|敲|填|选)错了|(?:我)?不是(?:问|说|要)?这个(?:意思)?|不是我要的|这不是我要的|这不是我问的|我不是问这个|我(?:这样|这么)?理解(?:得|的)?(?:对不对|对吗|没错吧|没错吗|有没有错|是否正确|正确吗)|换个问法|换个?(?:说法|讲法|方式说|角度说)|换种(?:说法|讲法)|(?:说|讲)(?:得)?(?:通俗|直白|简单|明白)(?:一)?点|我(?:再|重新)问(?:一遍|一下|一次)?|再说一遍|(?:你)?说的不对|不知(?:是否|能否|可否)?(?:方便)?(?:告知|请教|赐教|指教)(?:一下|一二)?|(?:烦请|敬请|望|恳请)(?:告知|赐教|指教)|(?:请|麻烦|烦请)?(?:您|你)?(?:告诉|告知)(?:我|我们)(?:一下|下)?|不好意思|麻烦了|麻烦您|谢谢(?:您)?|感谢|请问|嗯|那个|然后呢|然后|还有呢|还有吗|还有没有|另外呢|就是说|判断(?:一下|下)?|判断题|填空题?|选择题|单选题|多选题|竞赛题)+$/u;
const FIRST_PERSON = /我们|我司|我公司|本公司|本企业|咱们|咱|我方|我单位|我厂|贵公司的?我们|^公司(?=[^，,。？?]{0,4}(?:刚|已经|已|去年|今年|前年|上个?月|成立|注册|落户|搬|迁|主要|目前|现在|是|做|有|在|获|被|拿|评|认定|\d))/u;
/**
 * A question: particles, question words, A-not-A, or asking verbs. ("换几台五轴", "把几个班组长送出去", "这几家": a few, not
 * how many.)
 */
const QUESTION =
  /[？?]|(\p{Script=Han})[不没]\1[^，,。；;]{0,3}$|吗|呢|(?<![这那怎什多要])么|嘛|哪|(?<![换买添招请送派把好这那])几|什么|啥|咋|怎么|怎样|如何|是否|能不能|可不可以|可否|能否|有没有|是不是|要不要|收不收|多少|多久|多长|谁|为什么|为啥|何时|有无|行不行|靠谱|真的假的|是真是假|真的还是假的|(?:一起|一并|全部|统统)(?:发|告诉|告知|说|讲|列)|(?:能|可以|会|算|属于|要|得)[^，,。；;]{0,12}吧[？?。!！]*$|_{2,}|＿{2,}|[（(]\s*[）)]/u;
/** Facts an enterprise tells about itself, with or without a subject. */
// (工业企业 of the evaluation's own name — "工业企业资源集约利用综合评价" — names the measure, not what we are.)
const FACT =
  /做[^，,。？?]{1,14}的|主营|主要做|主要从事|从事|成立|员工|职工|人左右|来号人|\d+人|多人|(?:评上|评的|评为|获评|认定|拿到|拿了|获得|入选|刚评)|国家级|省级|市级|区级|园区级|小巨人|制造业|工业企业(?!资源)|大型|中小企业|入库|培育库|(?:打算|准备|计划)(?:明年|今年|后年)?(?:上市|ipo)|招聘需求|缺人|营收|产值|荣誉|称号/u;

/**
 * Background about others that names what facts are made of ("园区本级专精特新企业申报上级荣誉", "听说有的企业
 * 评上省级…"): no fact about our own enterprise.
 */
export function tellsOfOthers(clause: Clause): boolean {
  return clause.kind === 'context' && !clause.firstPerson && FACT.test(clause.text);
}

/** A clause telling of another enterprise of ours ("我们的客户是省级专精特新"). */
export function tellsOfAnotherEnterprise(clause: Clause): boolean {
  return clause.kind === 'context' && OWNED_OTHER.test(clause.text);
}

/** What the user means to do afterwards ("报完我再查一下我们报了哪些", "之后再安排HR去现场"): nothing asked now. */
const LATER = /^(?:\p{Script=Han}{1,3}完(?:了|之后|以后)?|之后|以后|然后|回头|等会儿?|待会儿?|过后|到时候?)(?:我|我们)?(?:再|会再)/u;

/** The clause tells what the user will do afterwards, not what they ask now. */
export function saysLater(clause: Clause): boolean {
  return LATER.test(clause.text);
}

/** True when the text has the form of a question (a question word, particle or mark). */
export function hasQuestionForm(text: string): boolean {
  return QUESTION.test(text.replace(FEW_BEFORE, '')) || asksAlternative(text);
}

/** True when the text asks to be told something ("请简要介绍…", "列出…", "说说…"). */
export function asksToBeTold(text: string): boolean {
  return REQUEST.test(text);
}

/** The clause without a lead-in ("想问一下…", "老板让我问一下…"). */
export function stripLeadIn(text: string): string {
  return text.replace(LEAD_IN_AT_START, '').trim();
}

/** Splits a cleaned message into clauses, each classified. */
export function splitClauses(text: string): Clause[] {
  const parts = withItemBreaks(asidesApart(text)).split(BREAK);
  const clauses: Clause[] = [];
  let condition = '';
  // "第一，汇计划的文号": a marker standing alone makes the next piece an item of the request.
  let marked = false;
  for (let i = 0; i < parts.length; i += 2) {
    const asked = /[？?]/u.test(parts[i + 1] ?? '');
    const pieces = mergeBare(parts[i].replace(CONNECTIVE, `${MARK}$1`).split(MARK)).flatMap(splitLongRunOn).flatMap(splitListedQuestions).flatMap(splitRunOnQuestions);
    pieces.forEach((piece, j) => {
      // (A closing quote left after the sentence end before it — "…周期。”对吗" — belongs to no clause.)
      // ("【金融局】📣苗圃计划…招募啦": a pasted notice's label names its sender or kind, nothing asked or told.)
      const trimmed = piece.trim().replace(CLOSING_QUOTE, '').replace(NOTICE_LABEL, '').trim();
      if (!trimmed) return;
      if (ENUMERATION_MARK.test(trimmed)) {
        marked = true;
        return;
      }
      const last = asked && j === pieces.length - 1;
      if (!last && CONDITION.test(trimmed) && !/[？?]/u.test(trimmed)) {
        condition += `${trimmed}，`;
        return;
      }
      // "第二，我们想从德国请个专家回来，有没有相关支持？": the item goes on to its question in a later piece of
      // the sentence; the piece with the marker is the item's background, not a request of its own.
      const goesOn = !last && (pieces.slice(j + 1).some((p) => hasQuestionForm(p)) || restOfSentence(parts, i).some((p) => hasQuestionForm(p)));
      // ("想了解下人才这块：…": a colon after the sentence's last piece makes it the heading of what follows.)
      const heading = j === pieces.length - 1 && /[：:]/u.test(parts[i + 1] ?? '');
      const clause = classify(`${condition}${trimmed}`, last, marked && !goesOn, goesOn, heading);
      condition = '';
      marked = false;
      // "方案定的目标 一句话？": a clause only asking for brevity asks what the clause before it named.
      if (clause?.brief && clauses.length > 0 && clauses[clauses.length - 1].kind === 'context') {
        const before = clauses[clauses.length - 1];
        clauses[clauses.length - 1] = { ...before, text: clause.kind === 'ask' ? `${before.text}${clause.text}` : before.text, kind: 'ask', condensed: true };
        return;
      }
      // ("能算一类不？为啥": the reason of the question just asked, which its answer gives — no question of its own.)
      if (clause && BARE_WHY.test(clause.text) && clauses.length > 0 && clauses[clauses.length - 1].kind === 'ask') return;
      if (clause) clauses.push(withoutBriefFlag(clause));
    });
  }
  if (condition) {
    const clause = classify(condition.replace(/，$/u, ''), false);
    if (clause) clauses.push(clause);
  }
  // "群里说👇 / 近三年内认定的省级专精特新加2分": what follows a bare report is what was said, not a fact about us.
  for (let i = clauses.length - 2; i >= 0; i--) {
    if (!REPORT_OPENER.test(clauses[i].text)) continue;
    const reported = clauses[i + 1];
    if (reported.kind === 'fact' && !reported.firstPerson) clauses[i + 1] = { ...reported, kind: 'context' };
    clauses[i] = { ...clauses[i], kind: 'filler' };
  }
  // "深度诊断和培训辅导，哪个是免费的": two things named, then which of them — one question of both.
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause] = [clauses[i - 1], clauses[i]];
    if (clause.kind === 'ask' && WHICH_OF_THEM.test(clause.text) && before.kind === 'context' && !before.firstPerson && TWO_NAMED.test(before.text)) {
      clauses.splice(i - 1, 2, { ...clause, text: `${before.text}${clause.text}` });
    }
  }
  // "上海的服务包里有诊断、培训、融资三块。园区这三块分别是怎么做的": the things pointed at are the ones listed.
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause] = [clauses[i - 1], clauses[i]];
    const listed = before.kind === 'context' ? LISTED_THINGS.exec(before.text)?.[1] : undefined;
    if (clause.kind === 'ask' && listed && POINTED_LIST.test(clause.text)) clauses[i] = { ...clause, text: clause.text.replace(POINTED_LIST, listed) };
  }
  // "汇计划 是哪天 发布的", "入库培育 要啥 条件": typed word by word, a bare question word is asked of the short
  // words beside it, which ask nothing themselves.
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause, after] = [clauses[i - 1], clauses[i], clauses[i + 1]];
    if (clause.kind !== 'ask' || !BARE_QUESTION.test(clause.text) || !isBareWords(before)) continue;
    const joinsAfter = after !== undefined && isBareWords(after) && [...after.text].length <= MAX_BARE_WORDS_AFTER;
    const text = `${before.text}${clause.text}${joinsAfter ? after.text : ''}`;
    clauses.splice(i - 1, joinsAfter ? 3 : 2, { ...clause, text });
  }
  // "汇计划里说的那些公共服务平台 能给企业提供哪些服务": a question without its subject asks of what the
  // background clause just before it named (not of a fact about us).
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause] = [clauses[i - 1], clauses[i]];
    // ("那个意向书，是谁和谁签的": a thing pointed at, then the question of it.)
    // ("要往上升到二类，需要满足什么条件": the goal, then what it takes.)
    const pointedSubject = before.kind === 'context' && (POINTED_SUBJECT.test(before.text) || (GOAL_STATED.test(before.text) && WHAT_IT_TAKES.test(clause.text)));
    if (clause.kind === 'ask' && (pointedSubject || (SUBJECTLESS.test(clause.text) && before.kind === 'context' && !before.firstPerson))) {
      clauses.splice(i - 1, 2, { ...clause, text: `${before.text}${clause.text}` });
    }
  }
  // "我们员工才40人，也能做吗": a small figure conceded, then whether we may — one question, of that figure.
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause] = [clauses[i - 1], clauses[i]];
    if (clause.kind === 'ask' && before.kind === 'fact' && SMALL_FIGURE.test(before.text) && WHETHER_MAY.test(clause.text)) {
      clauses.splice(i - 1, 2, { ...clause, text: `${before.text}${clause.text}`, firstPerson: before.firstPerson || clause.firstPerson });
    }
  }
  // "服务专员 谁来定 会干啥": a topic typed on its own, then a few-character question of it — one question.
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause] = [clauses[i - 1], clauses[i]];
    if (clause.kind === 'ask' && before.kind === 'context' && !before.firstPerson && [...before.text].length <= 8 && !NOT_A_TOPIC_ALONE.test(before.text) && [...clause.text].length <= 6 && FRAGMENT_ASK.test(clause.text) && (i < 2 || clauses[i - 2].kind !== 'ask')) {
      clauses.splice(i - 1, 2, { ...clause, text: `${before.text}${clause.text}` });
    }
  }
  // "汇计划和那个小巨人三年行动计划，文号分别是什么": the things listed before are what 分别 asks of.
  for (let i = clauses.length - 1; i > 0; i--) {
    const [before, clause] = [clauses[i - 1], clauses[i]];
    if (clause.kind === 'ask' && EACH_ATTRIBUTE.test(clause.text) && before.kind === 'context' && !before.firstPerson && LISTS_TWO.test(before.text)) {
      clauses.splice(i - 1, 2, { ...clause, text: `${before.text}，${clause.text}` });
    }
  }
  // "不知道是哪个部门派的 是经发委吗": a guess at the answer after a question is no question of its own.
  // ("哪个部门负责的呀，人社局对吧？一年办几场？": a guess tagged 对吧 goes, lending nothing to the questions after it.)
  for (let i = clauses.length - 1; i >= 1; i--) {
    if (clauses[i].kind !== 'ask' || !GUESS.test(clauses[i].text) || clauses[i - 1].kind !== 'ask' || !QUESTION_WORD_ONLY.test(clauses[i - 1].text)) continue;
    if (TAGGED_GUESS.test(clauses[i].text)) clauses.splice(i, 1);
    else clauses[i] = { ...clauses[i], kind: 'context' };
  }
  // "但不知道人家需要什么，有没有渠道能看到…": not knowing, told before the question, is its background.
  // ("我也不晓得我们算哪一类 你给说说": a bare "tell me" after it asks nothing more — the not knowing is the question.)
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i].kind === 'ask' && (NOT_KNOWING.test(clauses[i].text) || HESITATING.test(clauses[i].text)) && !CHECK_TAG.test(clauses[i].text) && clauses.slice(i + 1).some((c) => c.kind === 'ask' && !BARE_REQUEST.test(c.text))) clauses[i] = { ...clauses[i], kind: 'context' };
  }
  // "请问客户2022年有拿到区级的，今年3月又升上省级了，今年…可以加几分": an honour told after the message's lead-in,
  // asking nothing of its own before the question, is a fact.
  for (let i = 0; i < clauses.length; i++) {
    const { text } = clauses[i];
    if (clauses[i].kind === 'ask' && HONOUR_TOLD.test(text) && !QUESTION.test(text) && !A_NOT_A_END.test(text) && !/[吗么嘛]$/u.test(text) && clauses.slice(i + 1).some((c) => c.kind === 'ask')) clauses[i] = { ...clauses[i], kind: 'fact' };
  }
  // "员工经常问我园区有什么政策，…园区有没有这种交流活动": what others keep asking the writer, before the writer's
  // own question, is its background.
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i].kind === 'ask' && ASKED_BY_OTHERS.test(clauses[i].text) && clauses.slice(i + 1).some((c) => c.kind === 'ask')) clauses[i] = { ...clauses[i], kind: 'context' };
  }
  // "…算哪一类 你给说说": a bare request after a question only asks for its answer; "请告诉我：…？…？" before
  // questions only announces them.
  // ("要什么条件？政策原文怎么写的": the text asked for beside a question is that question's, no topic of its own.)
  // (A doubt is a check of the claims around it: see below.) Each clause's reading is taken once; this loop changes kinds only.
  const again = clauses.map((c) => againAsked(c.text));
  const request = clauses.map((c) => BARE_REQUEST.test(c.text));
  const asksItself = (k: number) => clauses[k].kind === 'ask' && !request[k] && again[k] === undefined;
  for (let i = 0; i < clauses.length; i++) {
    const bare = request[i] || again[i] === 'words' || again[i] === 'repeat';
    const around = i > 0 ? [...Array(i).keys()] : [...Array(clauses.length).keys()].slice(1);
    if (clauses[i].kind === 'ask' && bare && around.some(asksItself)) clauses[i] = { ...clauses[i], kind: 'filler' };
  }
  // "同事说区级和省级一样，都是一类、评价都加2分，对吗？": a bare check asks whether the claims before it
  // hold — each claim is a question of its own, the check no more than its mark.
  for (let i = 1; i < clauses.length; i++) {
    if (clauses[i].kind !== 'ask' || !CHECK_TAG.test(clauses[i].text)) continue;
    let j = i - 1;
    // ("同事说我们已经算一类了，是这样吗": a claim made of us is checked the same way; so is one believed —
    // "我理解的是我们自动就算三类，不知道对不对" — and one of the levels stated as a fact: "…国家级加3分、省级加2分，对吗".)
    const claimed = (c: Clause) => (c.kind === 'context' || (c.kind === 'fact' && (CHECKABLE_CLAIM.test(c.text) || HEARSAY_OPENING.test(c.text)) && (!c.firstPerson || BELIEF.test(c.text)))) && (!c.firstPerson || HEARSAY_OPENING.test(c.text) || BELIEF.test(c.text));
    while (j >= 0 && claimed(clauses[j]) && i - j <= 2) j--;
    if (j === i - 1) continue;
    for (let k = j + 1; k < i; k++) {
      // ("我理解的是：…": the lead-in alone before the claim asks nothing.)
      const claim = clauses[k].text.replace(BELIEF, '').replace(HEARSAY_OPENING, '');
      clauses[k] = claim ? { ...clauses[k], text: `${claim}吗`, kind: 'ask' } : { ...clauses[k], kind: 'filler' };
    }
    clauses[i] = { ...clauses[i], kind: 'filler' };
  }
  // "你确定吗？我同事说省级只加1分，不对吧": a doubt before claims heard — each claim is a question of its own, the
  // doubt and the tags after them no more than marks.
  const doubt = clauses.findIndex((c) => c.kind === 'ask');
  if (doubt >= 0 && CHECK_TAG.test(clauses[doubt].text)) {
    const heard = (c: Clause) => (c.kind === 'context' || c.kind === 'fact') && HEARSAY_OPENING.test(c.text);
    const after = clauses.slice(doubt + 1);
    if (after.some(heard) && after.every((c) => heard(c) || CHECK_TAG.test(c.text) || c.kind === 'filler')) {
      for (let k = doubt; k < clauses.length; k++) {
        const claim = heard(clauses[k]) ? clauses[k].text.replace(HEARSAY_OPENING, '') : '';
        clauses[k] = claim ? { ...clauses[k], text: `${claim}吗`, kind: 'ask' } : { ...clauses[k], kind: 'filler' };
      }
    }
  }
  // ("判断一下这句话对不对：我们2025年评上小巨人，…所以应该按二类对待": the check before the statement — what it
  // claims after it is asked; the facts told on the way stay facts.)
  const lead = clauses.findIndex((c) => c.kind === 'ask');
  if (lead >= 0 && CHECK_FIRST.test(clauses[lead].text) && clauses.slice(lead + 1).every((c) => c.kind !== 'ask')) {
    const claims = clauses.map((c, k) => (k > lead && (c.kind === 'context' || (c.kind === 'fact' && CHECKABLE_CLAIM.test(c.text))) ? k : -1)).filter((k) => k >= 0);
    if (claims.length) {
      for (const k of claims) clauses[k] = { ...clauses[k], text: `${clauses[k].text.replace(BELIEF, '').replace(HEARSAY_OPENING, '').replace(SO_THEN, '')}吗`, kind: 'ask' };
      clauses[lead] = { ...clauses[lead], kind: 'filler' };
    }
  }
  // "我理解市级属于“一类”，那…我们应该能排在前面吧": what the asker believes of the policy is checked first,
  // as a question of its own.
  for (let i = 0; i < clauses.length; i++) {
    const claim = BELIEF.exec(clauses[i].text);
    const rest = claim ? clauses[i].text.slice(claim[0].length) : '';
    if (clauses[i].kind !== 'ask' && rest && CHECKABLE_CLAIM.test(rest) && !FIRST_PERSON.test(rest) && clauses.some((c) => c.kind === 'ask')) {
      clauses[i] = { text: `${rest}吗`, kind: 'ask', firstPerson: false };
    }
  }
  // "母公司去年评上了省级，我们是它的分公司…": beside what is said of our own enterprise, another one told
  // about is background. (Alone — "客户是2022年评上的省级…" — it is the enterprise asked about.)
  if (clauses.some((c) => c.firstPerson && !OWNED_OTHER.test(c.text))) {
    for (let i = 0; i < clauses.length; i++) {
      if (clauses[i].kind !== 'ask' && OWNED_OTHER.test(clauses[i].text)) clauses[i] = { ...clauses[i], kind: 'context', firstPerson: false };
    }
  }
  // "想问下像我们这样的，在园区汇计划里算哪一类": a clause only naming us as the subject leads into the question.
  for (let i = 0; i < clauses.length - 1; i++) {
    if (LIKE_US.test(clauses[i].text) && clauses.slice(i + 1).some((c) => c.kind === 'ask')) clauses[i] = { ...clauses[i], kind: 'filler' };
  }
  // "想看看人家的厂子是咋管的，学学人家的经验": what a plan is for is part of the plan — one background.
  for (let i = clauses.length - 1; i > 0; i--) {
    if (clauses[i].kind === 'filler' && PURPOSE.test(clauses[i].text) && clauses[i - 1].kind === 'context') {
      clauses.splice(i - 1, 2, { ...clauses[i - 1], text: `${clauses[i - 1].text}，${clauses[i].text}` });
    }
  }
  // ("报名专精特新培训，报完我再查一下我们报了哪些": what comes afterwards is no question of this turn.)
  for (let i = 1; i < clauses.length; i++) if (saysLater(clauses[i])) clauses[i] = { ...clauses[i], kind: 'filler' };
  // "第二个具体怎么操作" alone picks the second of what was just listed: its ordinal is no item marker.
  if (clauses.length === 1 && ORDINAL_PICK.test(text) && clauses[0].kind === 'ask') return [{ ...clauses[0], text: text.replace(/[？?。！!\s]+$/u, '') }];
  return clauses;
}

/** A remark in brackets ("（就是年度那个综合评价）", "（我们母公司是小巨人）"): a clause of its own. */
const ASIDE = /[（(]([^（）()]{4,})[）)]/gu;
/** A bracket that goes with the word before it: a short note with a number ("（2021-2023年）", "（2025年认定）"). */
const PART_OF_A_NAME = /^(?=[^，,、；;]{1,10}$)[^，,、；;]*\d/u;

/** Remarks in brackets set apart as clauses; a bracket holding a number (a year, a document's span) stays part of its name. */
function asidesApart(text: string): string {
  return text.replace(ASIDE, (whole: string, inner: string) => (PART_OF_A_NAME.test(inner) ? whole : `，${inner}，`));
}

/** A question that starts at its verb or a pronoun ("能给企业提供哪些服务", "它们一般能帮企业做什么"): its subject was named before. */
/** Others asking the writer again and again ("员工经常问我…"); a question relayed once ("老板问…") is the question. */
const ASKED_BY_OTHERS = /^(?:我们)?(?:的)?(?:员工|同事|客户|老板|领导|别人|大家|企业|会员|会员企业|下面的人|很多人|不少人)(?:们)?(?:经常|总是|常常|老是|一直|时不时|老)(?:来)?(?:问我|问我们|问起|来问|问)/u;
/** A clause that says something (wants, does, is) rather than only naming a topic. */
const NOT_A_TOPIC_ALONE = /想|要|参加|报名|申请|是|有|做|搞|打算|准备|能|会|了/u;
/** A few-character question typed after its topic ("谁来定", "是啥", "收费吗", "多久一次"). */
const FRAGMENT_ASK = /^(?:谁|是啥|是什么|是干|有啥|有什么|能|会|多|几|怎|哪|要|收|在哪)/u;
/** An attribute asked of each ("文号分别是什么", "责任单位各是哪些"). */
const EACH_ATTRIBUTE = /^[^，,。？?]{1,6}?(?:分别|各自|各)(?:是|叫|有|为|多少|几)/u;
/** Two things named side by side ("汇计划和小巨人三年行动计划"). */
const LISTS_TWO = /^[^，,。？?]{2,16}(?:和|与|跟|以及|及)[^，,。？?]{2,20}$/u;
const SUBJECTLESS = /^(?:它们?|这些|那些|其)?(?:一般|通常|主要|都|还|又|也|具体)?(?:能|能够|可以|可|会)(?:给|为|帮|替|向|提供|带来|解决|对接|支持)|^(?:它|这个|那个)?(?:叫|名叫|全称叫?|名字叫?)(?:啥|什么)(?:名字|名称)?(?:来着)?/u;

/** A guess at the answer ("是经发委吗", "是不是企服中心"), after a question that asked it. */
const GUESS = new RegExp(`^(?:(?:是|就是|应该是|难道是|会不会是)[^，,。？?是谁哪啥几]{1,10}(?:吗|么|吧)|是不是[^，,。？?谁哪啥几]{1,10}(?:啊|呀|呢)?|[^，,。？?是谁哪啥几]{1,10}${CONFIRMATION_TAG})$`, 'u');
/** A question word that asks who or which (哪个, 谁): a guess after it is the asker's own answer ("是经发委吗"); after 什么 a 是…吗 asks on. */
const QUESTION_WORD_ONLY = /[谁哪]/u;
/** A guess tagged for confirmation ("人社局对吧", "经发委是吧"). */
const TAGGED_GUESS = new RegExp(`${CONFIRMATION_TAG}$`, 'u');

/** Which of the things just named ("哪个是免费的", "哪一个更适合"). */
const WHICH_OF_THEM = /^(?:那|那么)?(?:这两个|这两项|两者|二者|它们)?(?:中|里|当中)?(?:哪个|哪一个|哪项|哪一项|哪种|哪个更|谁)/u;
/** Two things named side by side ("深度诊断和培训辅导"). */
const TWO_NAMED = /^\p{Script=Han}{2,12}(?:和|与|跟|及|还是|或者?)\p{Script=Han}{2,12}$/u;

/** Things listed in a background ("诊断、培训、融资三块"): the list. */
const LISTED_THINGS = /(?:^|有|是|包括|包含|分为|分成|[：:])((?:\p{Script=Han}{1,6}?、)+\p{Script=Han}{1,6}?)(?:等)?(?:[两三四五六几]|这[两三四五六几])(?:块|个|项|方面|部分|样|种)/u;
/** Pointing at several things just listed ("这三块", "这几项"). */
const POINTED_LIST = /(?:这|那)[两三四五六几](?:块|个|项|方面|部分|样|种)/u;

/** A question word standing alone ("是哪天", "要啥", "多少", "在哪"). */
const BARE_QUESTION = /^(?:是|要|有|在|叫|算|给|归|找)?(?:啥|什么|哪些|哪天|哪年|哪里|哪儿|哪|多少|几个?|谁|咋|怎么)(?:呀|啊|呢|吗)?$/u;
/** Most characters of the short words after a bare question word that still belong to it ("发布的", "条件"). */
const MAX_BARE_WORDS_AFTER = 4;
/** Short words that ask nothing and tell nothing of us: a noun or verb typed apart ("汇计划", "入库培育"). */
function isBareWords(clause: Clause): boolean {
  return clause.kind !== 'filler' && !clause.firstPerson && [...clause.text].length <= 6 && !hasQuestionForm(clause.text);
}

/** A figure of the enterprise said to be small ("员工才40人", "营收不到3000万", "成立刚满2年", "我们这么小"). */
const SMALL_FIGURE =
  /(?:不到|才|只有|仅有?|刚满?|刚刚|不足|没到|还不到|不过)\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十几百千万]+)\s*(?:个|名|位|多)?(?:人|名员工|万|亿|项|件|年|%)|(?:人数|员工|职工|营收|收入|产值)[^，,。？?]{0,4}(?:不到|才|只有|仅有?|不足|没到)\s*(?:\d+|[一二两三四五六七八九十几百千万]+)|这么小|规模(?:很|比较|太|还)?小/u;
/** Whether we may, or whether it is enough, asked alone ("也能做吗", "能参加沙龙吗", "够不够"). */
const WHETHER_MAY = /^(?:那|那么|但|但是)?(?:我们|咱们|我司)?(?:也|还)?(?:能|可以|能否|能不能|可不可以|够|够不够|行|行不行|有资格)[^，,。？?]{0,16}$/u;

/** A thing pointed at, standing alone before its question ("那个意向书", "这个中心"). */
const POINTED_SUBJECT = /^(?:那|这)(?:个|项|份|家)\p{Script=Han}{1,8}$/u;

/** A tier or honour to reach, said before what it takes ("要往上升到二类", "想评上省级的话"). */
const GOAL_STATED = /^(?:那|那么)?(?:我们|我司)?(?:如果|要是|若)?(?:要|想|想要|希望)?(?:再)?(?:往上)?(?:升到|升为|升级到|升级为|晋升到?|晋升为|成为|进入|进到|达到|变成|评上|评为|拿到)[^，,。；;？?]{1,10}?(?:的话)?$/u;
/** What it takes: conditions, requirements, steps ("需要满足什么条件", "要做什么", "得怎么做"). */
const WHAT_IT_TAKES = /^(?:那|那么)?(?:我们|我司)?(?:需要|要|得|应该|应当|必须)?(?:满足|具备|符合|达到|做到|做|准备|怎么|如何|咋)[^，,。；;]{0,10}?(?:什么|啥|哪些|哪几)?[^，,。；;]{0,6}(?:条件|要求|标准|门槛|资格|做|办|走)?/u;

/** "你给说说", "帮我看看吧": asking for an answer, naming nothing. */
const BARE_REQUEST = /^(?:那|那么)?(?:请|麻烦|烦请)?(?:你|您)?(?:就|再)?(?:给|帮|替)?(?:我|我们|俺)?(?:说说|讲讲|说一下|讲一下|说下|讲下|介绍一下|介绍下|解释一下|解释下|看看|看一下|瞅瞅|分析一下|分析下|告诉我|说道说道)(?:吧|呗|呀|哈|啊|嘛)?[。！!~～]*$/u;

/** What the asker does not know, said as background ("但不知道人家需要什么"). */
const NOT_KNOWING = /^(?:但|但是|可是|就是|只是|又|也)?(?:我们|我|俺|俺们)?(?:之前|以前|原来|本来|一直|之前一直|以前一直)?(?:也|还|都)?(?:不知道|不清楚|不了解|搞不清楚?|搞不懂|不太清楚|不太懂|说不上|说不清|讲不清|弄不明白|搞不明白)/u;

/** Someone weighing a choice, told as background ("老板在犹豫要不要搬", "我们还在纠结是否上市"). */
const HESITATING = /^[^，,。？?]{0,8}?(?:在|正在|还在|一直在|有点|有些)?(?:犹豫|纠结|考虑|琢磨|盘算|掂量|商量|讨论|权衡)(?:着|过)?(?:要不要|是否|该不该|是不是|能不能|去不去|搬不搬)/u;

/** Only naming us as the subject of what follows ("像我们这样的", "我们这种企业的话"). */
const LIKE_US = /^(?:想问下?|想问一下|请问|那)?(?:像|向|对于|对)?(?:我们|我司|我们公司|咱们|俺们|我们企业)(?:这样|这种|这类|这号)(?:的)?(?:企业|公司|厂|情况)?(?:的话|来说)?$/u;

/** What the asker believes ("我理解", "我以为", "据我了解"), before a claim of the policy. */
const BELIEF = /^(?:(?:我|我们)(?:的)?(?:理解|以为|记得|印象中|印象里)|印象中|印象里)(?:的)?(?:是)?[，,：:]?|^据我(?:了解|所知)[，,：:]?/u;
/** A claim the policy can settle: which tier, or how many points. */
/** A check asked before the statement it checks ("判断一下这句话对不对：…", "帮我看看下面说法对吗"). */
const CHECK_FIRST = /^(?:请|麻烦)?(?:帮(?:我|忙))?(?:判断|看看|核实|确认)(?:一下|下)?(?:这句话|这个说法|以下说法|下面(?:的)?说法|这道题)?(?:对不对|对吗|是否正确|正确吗|对么)?$/u;
/** "所以…": the conclusion claimed, read as the claim itself. */
const SO_THEN = /^(?:所以|因此|那么|那)(?:说)?/u;
const CHECKABLE_CLAIM = /[一二三123]类|加\s*[一二两12]\s*分|提升\s*[1一]\s*级|提档|属于|(?<![打计预核结清换推])算/u;

/** Only checking what was said before: "对吗", "是真的吗", "想确认下是不是这样". */
// ("你确定吗", "不对吧": the answer before doubted — a mark of what is checked, like 对吗.)
const CHECK_TAG = /^(?:(?:我|我们)?(?:也)?(?:不知道|不确定|不晓得|想)?(?:确认|核实|问|判断)?(?:一下|下)?(?:这|这个|那|分别|各自|都|这两[个句条道]?|这几[个句条道]?|以上|上面的?)?(?:说法)?(?:对吗|对不对|是吗|是不是|是不是这样|是不是真的|是真的假的|真的假的|真的还是假的|是真是假|是这样吗|是真的吗|真的吗|属实吗|确定吗|没错吧|对吧|是否属实|是否准确|准确吗|靠谱吗|不对吧|没搞错吧|没弄错吧)|(?:你|您)(?:确定|肯定)(?:吗|么|嘛|没错吗|没搞错吧)?)(?:呀|啊|呢)?[？?。!！]*$/u;
/** "听说…", "同事说…": who made a claim, dropped when the claim is asked. */
const HEARSAY_OPENING = new RegExp(`^${HEARSAY_SOURCE}[，,：:]?`, 'u');

const ORDINAL_PICK = /^(?:那|那么)?第[二三四五六七八九2-9](?:个|项|条|点|种)/u;

/** The pieces after part i up to the end of its sentence (parts alternate text and the mark after it). */
function restOfSentence(parts: string[], i: number): string[] {
  const rest: string[] = [];
  for (let k = i; k + 2 < parts.length && !SENTENCE_END.test(parts[k + 1] ?? ''); k += 2) rest.push(parts[k + 2]);
  return rest;
}

const SENTENCE_END = /[。？?！!；;]/u;

/**
 * Numbered items typed without punctuation ("问三个事 1苗圃计划有啥服务 2专场招聘一年几场 3专家诊断要钱吗",
 * "1 标杆学习咋搞 2 揭榜是啥意思"): the numbers 1, 2, … in order, each at the start or after a space or
 * a mark and before a word (not a count: "2场", "80人"), end a clause each.
 */
// (After a mark the number is an item whatever follows: "1）分公司能单独认定吗".)
const ITEM_NUMBER = /(^|[\s，,。；;：:？?！!])([1-9])(?:\s*[、.．)）]\s*|\s*(?![年月日号个家场次期位名万千百岁天分级类种项条点批届回周]|人(?!才)))(?=\p{Script=Han})/gu;

/** A question asked of each thing named before it ("分别", "各由哪个单位负责"). */
export const ASKS_EACH = /分别|各自|各是|各有|各加|各由|各归|各属|各要|各需|各找/u;

/** An item numbered in brackets anywhere in a sentence ("请问（一）培训辅导由谁负责（二）企业沙龙多久办一次"). */
const BRACKETED_ITEM = /[(（]([1-9]|[一二三四五六七八九])[)）]/gu;
const ITEM_NUMERALS = '一二三四五六七八九';

function withItemBreaks(text: string): string {
  const bracketed = [...text.matchAll(BRACKETED_ITEM)].map((m) => Number(m[1]) || ITEM_NUMERALS.indexOf(m[1]) + 1);
  if (bracketed.length >= 2 && bracketed.every((n, i) => n === i + 1)) {
    text = text.replace(BRACKETED_ITEM, (_m, n: string) => `；${Number(n) || ITEM_NUMERALS.indexOf(n) + 1}.`);
  }
  const numbers = [...text.matchAll(ITEM_NUMBER)].map((m) => Number(m[2]));
  if (numbers.length < 2 || numbers.some((n, i) => n !== i + 1)) return text;
  // (The number stays as an item marker: "1这个文件文号" is an item of the request, asked without a question
  // word — unless a question after the list asks of each item: "1.产业链那块 2.人才那块 分别能提供啥".)
  const shared = ASKS_EACH.test(text);
  return text.replace(ITEM_NUMBER, (_m, before: string, n: string) => `${before.trim()}；${shared ? '' : `${n}.`}`);
}

/**
 * 、 joins a list ("深度诊断、培训辅导收费吗"), but between two questions ("哪个部门发的、文号是多少") it ends the
 * first: every part then asks on its own.
 */
function splitListedQuestions(piece: string): string[] {
  if (!piece.includes('、')) return [piece];
  const parts = piece.split('、');
  if (!(parts.length > 1 && parts.every((p) => [...p.trim()].length >= 3 && QUESTION.test(p)))) return [piece];
  // ("老板想让大家学学专精特新怎么做、荣誉怎么申报": what is to be learnt, listed — no questions to us.)
  if (LEARNING_WHAT.test(parts[0])) return [piece];
  // ("该方案何时、由何单位印发": the verb said once, at the end, is each question's.)
  const verb = SHARED_VERB.exec(parts[parts.length - 1])?.[1];
  return verb ? parts.map((p, i) => (i < parts.length - 1 && ENDS_ASKING_WHEN.test(p) ? `${p}${verb}` : p)) : parts;
}

/** A verb of learning or knowing before what it is about ("学学…怎么做", "了解下…有哪些"). */
const LEARNING_WHAT = /(?:学学|学习|学一下|学下|了解|弄清楚?|搞清楚?|搞明白|弄明白|掌握|培训)\p{Script=Han}*?[“”"'‘’]?\p{Script=Han}*?(?:怎么|如何|哪些|什么)/u;
/** A verb ending a list of questions, which the earlier ones left out ("…、由何单位印发"). */
const SHARED_VERB = /(印发|发布|出台|制定|实施|施行|生效|举办|开展|召开|开始|结束|截止)(?:的)?[？?]?$/u;
/** A question ending on when, without its verb ("该方案是什么时候"). */
const ENDS_ASKING_WHEN = /(?:什么时候|啥时候|何时|哪一?年|哪天|几月|几号)$/u;

/** Longest unpunctuated piece read as one clause; a longer one is split before the words that open a new one. */
const LONG_RUN_ON = 24;
/** Words that open a new clause in unpunctuated text: hearsay, a boss's plan, a lead-in to the question. */
// ("…今年想报国家级小巨人自己不会弄申报园区有人辅导不": a plan of the year, and the park asked, open theirs too;
// "…空压机那块节能改一改不知道园区这块有啥支持吗": not knowing, before a question, opens it.)
const OPENS_CLAUSE = /(?<=\p{Script=Han}{6})(?=听说|听讲|听人(?:说|讲)|老板|领导|另外|顺便|请问|想问|所以|但是|不过|(?:不知道|不晓得|不清楚)(?=\p{Script=Han}{0,16}(?:有啥|有什么|有没有|能不能|可不可以|怎么|哪些|吗))|我们(?:\p{Script=Han}{2,4}?)?(?:想|打算|准备)(?!\p{Script=Han}{0,2}[吗呢])|我们现在|现在想|(?:今年|明年|后年)(?:想|要|打算|准备)|(?<!这块|那块|方面|这部分|听说|据说|知道|了解到|听人说|听讲)园区(?:专精特新)?(?:这边|这里|这块|方面)?(?:有|能|会|对|给|可以|是否|有没有))/gu;

/**
 * "我们做储能板子的前年从杭州迁过来的今年刚评上省级老板打算冲IPO听说园区有个什么计划…到底叫啥": a long message
 * typed without any punctuation is split before the words that open a clause, so background, plans and the
 * question are each read for what they are.
 */
function splitLongRunOn(piece: string): string[] {
  // ("…2025年评上区级专精特新然后呢厂里想弄智改数转…就是说园区对这个有啥支持政策吗": speech's fillers part a
  // voice message of any length, where something is said on both sides.)
  const spoken = piece.split(SPOKEN_FILLER);
  if (spoken.length > 1 && spoken.filter((p) => [...p.trim()].length >= MIN_RUN_ON_QUESTION).length >= 2) return spoken.filter((p) => p.trim()).flatMap(splitLongRunOn);
  if ([...piece].length <= LONG_RUN_ON) return [piece];
  return piece.split(OPENS_CLAUSE).filter((p) => p.trim());
}

/** Fillers of speech that part a voice message's clauses, themselves saying nothing ("然后呢", "就是说", "对吧"). */
const SPOKEN_FILLER = /然后呢|就是说|对吧|晓得吗|你知道吗|你晓得吧/gu;

/** Words that go on to the next question in unpunctuated text ("…哪些服务然后知识产权这块…还有节能改造…"). */
const RUN_ON = /(然后|还有|以及|再就是|再有就是|另一个是)/u;
/** A question's closing particle and the next question's subject ("…在哪发布啊我们企业要怎么报名"): the particle stays before. */
const PARTICLE_THEN_SUBJECT = /(?<=[啊呀呢嘛哈])(?=我们|我司|咱们|俺们|那我们|那么|请问)/u;
/** What a question just asked means, said after it without punctuation ("…的呢就是…", "…搞法的就是…"). */
const EXPLAINED = /(?<=[的呢吗啊呀嘛么])就是(?:说)?(?=\p{Script=Han})/u;
/**
 * A question about who issued something or when, closed by its 的 ("是哪个部门发的", "什么时候出的"), then the next
 * question without punctuation: the 的 ends the first.
 */
const ISSUED_ASKED = /(?:哪|什么|啥|谁|何)\p{Script=Han}{0,5}?(?:印发|发布|下发|出台|颁布|制定|签发|批准|发|出|定|批|写)的(?:吗|呢|啊|呀)?/u;
/**
 * Where a question is complete in unpunctuated text: its closing particle, a number asked with its unit (几类, 几分,
 * 多少钱), or the unit asked for (哪个部门负责的) — before a word that starts something new, not a further particle.
 */
const QUESTION_CLOSED = /(?:吗|伐|呢)(?![的呢吗啊呀嘛哈吧么了？?]|\s*$)|(?:几|多少)(?:类|分|级|场|次|项|钱|块钱)(?![的呢吗啊呀嘛哈吧么了钟？?]|\s*$)|哪(?:个|些|一个)?(?:部门|单位|机构)(?:负责|管|牵头|主管|办)?的?(?![的呢吗啊呀嘛哈吧么了？?]|\s*$)/gu;
/** Shortest question on either side of a run-on word. */
const MIN_RUN_ON_QUESTION = 4;

/**
 * "平台服务能提供哪些服务然后知识产权这块能帮什么忙还有节能改造有没有支持": questions run on without
 * punctuation, each after a word that goes on — split where what comes before is a question of its own
 * and what comes after asks too. ("还有吗", "还有其他" ask once and stay whole.)
 */
function splitRunOnQuestions(piece: string): string[] {
  // ("标杆学习是怎么个搞法的就是去别人厂里看吗", "那区级的呢就是我们隔壁厂是2026年评的区级": a question, then what it means.)
  const explained = EXPLAINED.exec(piece);
  if (explained && explained.index > 0) {
    const before = piece.slice(0, explained.index);
    const after = piece.slice(explained.index + explained[0].length);
    if ([...before].length >= 3 && [...after].length >= MIN_RUN_ON_QUESTION && QUESTION.test(before)) return [before, ...splitRunOnQuestions(after)];
  }
  // ("方案是哪个部门发的什么时候发的文号是多少": each attribute of the document asked in turn.)
  const issued = ISSUED_ASKED.exec(piece);
  if (issued) {
    const end = issued.index + issued[0].length;
    const after = piece.slice(end);
    if ([...after].length >= MIN_RUN_ON_QUESTION && QUESTION.test(after)) return [piece.slice(0, end), ...splitRunOnQuestions(after)];
  }
  // ("算第几类资源集约利用评价能加几分这个是哪个部门负责的", "要钱吗是谁来诊断的": voice input runs questions on
  // without punctuation — one ends where what it asks is complete and another question follows.)
  for (const closed of piece.matchAll(QUESTION_CLOSED)) {
    const end = (closed.index ?? 0) + closed[0].length;
    const before = piece.slice(0, end);
    const after = piece.slice(end);
    if ([...before].length >= MIN_RUN_ON_QUESTION && [...after].length >= MIN_RUN_ON_QUESTION && QUESTION.test(after)) return [before, ...splitRunOnQuestions(after)];
  }
  const m = RUN_ON.exec(piece) ?? PARTICLE_THEN_SUBJECT.exec(piece);
  if (!m || m.index === 0) return [piece];
  const before = piece.slice(0, m.index);
  const after = piece.slice(m.index + m[0].length);
  if ([...before].length < MIN_RUN_ON_QUESTION || [...after].length < MIN_RUN_ON_QUESTION || !QUESTION.test(before) || !QUESTION.test(after)) return [piece];
  return [before, ...splitRunOnQuestions(after)];
}

/** A piece that is only who asks ("我", "领导") belongs to the asking clause after it. */
const BARE = /^(?:我|我这边|领导|老板|公司|财务|同事|上级)(?:开会)?$/u;

function mergeBare(pieces: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const p of pieces) {
    if (BARE.test(p.trim())) carry += p;
    else {
      out.push(carry + p);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}

/** An item of an enumerated request ("一是方案的总体思路；二是工作专班由哪些单位组成"): each item is asked. */
const ENUMERATED = /^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]、(?![（(])|第[一二三四五六七八九十](?![类级年批届次期名步部章条节款])(?!个?是[干啥什做怎哪])个?(?:是|点|个问题)?|其[一二三四五]|[1-9][.、)）]|[(（](?:[1-9]|[一二三四五六七八九十])[)）])\s*/u;
/** The marker alone, cut off by punctuation ("第一，…"). */
const ENUMERATION_MARK = /^(?:第[一二三四五六七八九十]个?(?:点|个问题)?|其[一二三四五]|首先|其次|最后)$/u;

/** The asking verbs of a lead-in. */
const ASKING_LEAD_IN = /问|咨询|了解|知道|请教|打听|查/u;

/** Something heard or read about the policy: background that may lend its topic. */
/** A document's name or number ("…三年行动计划", "苏园管〔2021〕60号"). */
const NAMES_DOCUMENT = /行动计划|实施方案|[〔\[(（]\d{4}[〕\])）]\d+号|号文/u;

/** The policy quoted or its terms framed ("资源集约利用评价里说的…", "方案上写的…", "按方案“近三年内认定”的口径"). */
const POLICY_SAYS = /^(?:按|按照|依照|根据|依据)(?:方案|政策|文件|汇计划)?[^，,。？?]{0,16}的(?:口径|说法|提法|表述|标准|规定|算法)$|(?:里|中|上|里面)(?:说|讲|提|写|规定)的|^(?:方案|政策|文件|汇计划)(?:里|中|上)?(?:说|讲|提到|写着?|规定)|^(?:方案|政策|文件|汇计划|原文|文中)(?:里|中|上|里面)?[：:]?[“"「『]|^[“"「『][^”"」』]{6,}[”"」』]$/u;

// ("刚听同事说…", "前几天听人说…": when it was heard comes first; "老板听说…": who heard it, before.)
const HEARSAY = /^(?:我|我们|她|他|她们|他们|老人家|家里人|(?:我们|我)?(?:老板|老总|领导|同事|财务|董事长|总经理|奶奶|爷爷|外婆|外公|爸|妈|父亲|母亲))?(?:刚|刚刚|刚才|之前|前几天|前阵子|最近|上次|昨天|也|还)?(?:听说|据说|听人说|听别人说|听人讲|听别人讲|听人家说|听人家讲|听朋友说|听同行说|听(?:别的|其他|其它|有的)?(?:企业|公司|厂|人家|同事|同行|朋友|领导)说|看到(?!之后|以后|后|了以后)|看新闻|网上说|新闻上说|有人说|(?:有(?:个|位)?)?(?:之前的?|以前的?|原来的?)?(?:同事|前同事|领导|同行|朋友)(?:跟我|和我|对我)?(?:说|讲|提过|告诉我))/u;

/** A pasted notice's label ("【金融局】", "【通知】") at the start of a piece. */
const NOTICE_LABEL = /^【[^】]{1,10}】/u;
/** A report with nothing of its own ("群里说", "群里看到这个", "有人转了条通知"): what follows is what was said. */
const REPORT_OPENER = /^(?:在)?(?:群里|朋友圈|工作群|微信群|公众号上?|网上|有人|同事|朋友|同行)?(?:有人)?(?:说|讲|发了?|转了?|看到了?|刷到了?)(?:这个|这条|一条|个|条)?(?:通知|消息|文件)?(?:说)?$/u;

/** Seeing how others do it: the purpose of a plan, not a question to us. */
const PURPOSE = /^(?:看看|看一看|看一下|瞧瞧|学学|学习一下|学习下|取取经|听听|听一听)(?:人家|别人|别家|别的企业|他们|同行)/u;

/** A plan to look into something, whose question word asks nothing of us. */
const PLANNED_LOOK = /(?:想|要|打算|准备|希望|计划)[^，,。；;？?]{0,24}(?:看看|看一看|看一下|瞧瞧|查查|摸摸底|听听|学学)(?:人家|别人|同行)?(?:到底|究竟)?[^，,。；;？?]{0,10}(?:哪|什么|怎么|啥|咋)/u;

/** A clause ending on the part it names ("…这块", "…这方面"). */
const TOPIC_PART = /(?:这|那)一?(?:块|方面|部分)$/u;
/** "沙龙、培训、招聘会啥的": 啥的 / 什么的 closing a list is "and so on", no question. */
const AND_SO_ON = /(?<=、[^、，,]{1,8})(?<![干做是讲叫说为搞用弄办些有])(?:啥的|什么的)$/u;
/** A request to explain whose object comes after a colon ("想请你给读者解释一下："). */
const REQUEST_BEFORE_COLON = /(?:解释|说明|介绍|讲讲|说说|分析|科普|讲解|解读|回答)(?:一下|下)?$/u;
/** A part only named after an asking lead-in ("想了解下人才这块", "咨询一下金融方面的事"). */
const ANNOUNCED_PART = /^[^，,。？?]{1,10}?(?:(?:这|那)一?(?:块|方面|部分)|方面|的事情?|的问题|相关(?:的)?(?:事情?|问题|政策)?)$/u;

/** Things listed and summed up by 这些/这几项 ("沙龙和培训这些活动"), named as the topic of what follows. */
const LIST_SUMMED_UP = /^[^，,。？?]{2,24}(?:这|那)(?:些|几(?:个|项|类|种))(?:活动|服务|措施|政策|事情?|项目)?$/u;

/** Something the policy gives, named alone ("首次认定的奖补", "省级的加分政策"): the topic of what follows. */
const GIVEN_NAMED = /^[^，,。？?]{1,12}的(?:奖补|奖励|补贴|补助|支持|加分|政策|措施|服务|条款|规定)$/u;

/** A kind of enterprise described as the subject of what follows. */
const DESCRIBED_SUBJECT = /的(?:企业|公司|单位)$/u;
/**
 * A class of enterprises as the subject ("园区本级专精特新企业申报上级荣誉", "市级小巨人企业参加诊断"):
 * what the policy says of them is the topic; no fact about our own.
 */
/**
 * Another enterprise of ours told about ("我们集团母公司是国家级小巨人", "我们的客户是省级的", "母公司去年评上
 *了省级"): its facts are not our own.
 */
const OWNED_OTHER =
  /^(?:(?:我们|我司|我公司|咱们|本公司)的?(?:集团)?(?:的)?(?:子公司|分公司)|(?:(?:我们|我司|我公司|咱们|本公司)的?)?(?:集团)?(?:的)?(?:母公司|总公司|控股股东|大股东|股东|客户|供应商|合作伙伴|合作方|同行|竞争对手|隔壁|兄弟公司|关联公司|上游|下游|会员企业|会员单位)|(?:我)?(?:一个|有个|有位)?(?:朋友|同学|亲戚|熟人)(?:的|家的?)(?:公司|企业|厂))/u;
// ("省级专精特新在资源集约利用评价里加分": the class without 企业, what is said of it in a measure.)
const CLASS_SUBJECT = /^(?:园区本级|园区|区内|本级|各级|国家级|省级|市级|区级|入库|培育)?的?(?:“?专精特新”?|小巨人)(?:“?小巨人”?)?(?:企业|(?=在[^，,。？?]{2,20}(?:里|中|上)))/u;

/** Only how many things follow ("想了解三块", "问三个事", "有两个问题想请教", "以下几点"): nothing asked yet. */
// ("有两个概念想请你给读者解释一下": the things announced may be terms, and the asking may be for others.)
const ANNOUNCED_LIST =
  /^(?:我们?|我这边)?(?:问|请教|咨询|了解|(?:麻烦|请)?(?:告诉|帮)我|(?:麻烦|请)?(?:问|说|讲)(?:一下|下)?)?(?:有|还有)?(?:以下|下面|这)?[一二两三四五六七八九十几\d]+(?:块|个|件|点|方面|部分)(?:事情?|事儿|问题|小问题|方面|地方|内容|概念|名词|术语|词|疑问|疑惑|点)?(?:(?:想|要)?(?:请(?:你|您)?|麻烦(?:你|您)?)?(?:给[^，,。？?]{1,6}?)?(?:请教|问问?|咨询|了解|解释|讲讲|说说|介绍|讲解|确认)(?:一下|下)?)?$/u;

/** A reason asked alone ("为啥", "为什么呢", "why"). */
const BARE_WHY = /^(?:那|那么)?(?:这是|是)?(?:为啥|为什么|为何|为啥子|why|原因呢|理由呢|怎么说)(?:呢|啊|呀|哈|嘞)?$/u;

/** "依据“汇计划”，…", "按照方案的规定，…": the frame of the question that follows, not the document's basis asked. */
const FRAMED_BY_POLICY = /^(?:依据|根据|按照|按|参照|对照)[《“"「]?(?:汇计划|方案|实施方案|该方案|本方案|这个方案|政策|文件|这份文件)[》”"」]?(?:的)?(?:规定|要求|内容|精神)?(?:来看|来说|而言)?$/u;

/** Someone else's words reported: 人家讲, 同行说, 朋友介绍. */
/**
 * Who writes ("我在园区一个功能区的企业服务中心上班", "我是一家协作机器人公司的人事负责人"): the speaker's
 * job, which names no topic asked about.
 */
const SPEAKER_ROLE =
  /^(?:我|本人)(?:目前|现在)?(?:是|在)[^，,。？?]{1,24}?(?:上班|工作|任职|就职|供职|实习|做事|的[^，,。？?的]{0,4}?(?:员工|职员|工作人员|专员|负责人|经理|主管|总监|顾问|老师|同事|hr|行政|财务|法务|人事|助理|秘书|老板|总经理|董事长|创始人|合伙人|cto|ceo|cfo))$/u;
/** The writer announcing they introduce themselves ("先介绍下我们公司", "简单说下我们的情况"): nothing asked. */
// ("先简单介绍下情况：", "说下背景", "背景先说下", "我们的情况如下": the background announced, no request.)
const SELF_INTRODUCTION = /^(?:先|我先|首先)?(?:简单)?(?:介绍|说|讲|交代)(?:一下|下)(?:我们|我司|本公司|我们公司|公司|自己|我自己)?(?:的)?(?:情况|背景|概况|基本情况)?$|^(?:先|我先|首先)?(?:简单)?(?:说|讲|介绍|交代)(?:一下|下)?(?:我们|我司|公司)?(?:的)?(?:情况|背景|概况|基本情况)(?:如下)?$|^(?:我们|我司|公司)?(?:的)?(?:情况|背景|基本情况)(?:先说下|先说一下|如下|是这样的?)?$/u;
const REPORTED = /^(?:人家|别人|别家|同行|朋友|他们|对方|有家企业|有个企业)(?:讲|说|介绍|分享|提到|讲了|说了)/u;

/** What is left of a request for brevity when it names only what to sum up ("…概括下区别"). */
const SUMMED_UP = '(?:区别|不同|差别|内容|要点|重点|意思|目标)';
const BRIEF_OBJECT = new RegExp(`^${SUMMED_UP}$`, 'u');

/** How briefly to answer ("一句话概括", "简单说说"): no words of the question itself. */
const BRIEFLY = new RegExp(
  `(?:请|麻烦)?(?:各|每个|每项|每块|都)?(?:用)?(?:(?:一句话|一两句话?|几句话)(?:地)?(?:概括|总结|介绍|说说?|讲讲?|回答|描述)?|(?:简单|简要|简短|简洁|大概)(?:地|点)?(?:概括|总结|介绍|说说?|讲讲?|回答|描述))(?:一下|下)?(?:就行|就好|即可)?(?:吧)?(?=${SUMMED_UP}?$)`,
  'u',
);

/**
 * How to explain, before what to explain ("一句话概括汇计划", "用通俗的话说说分几个汇", "给读者通俗解释一下"): the manner
 * and the audience go, the verb and its object stay.
 */
/** Whom an explanation is for ("给读者", "向外行"): no words of the question. */
const AUDIENCE = '(?:(?:给|向|跟|为)(?:我们)?(?:读者|大家|粉丝|网友|外行|小白|老百姓|公众)(?:们)?)';
const MANNER_BEFORE_VERB = new RegExp(
  `${AUDIENCE}?(?:用)?(?:(?:一句话|一两句话?|几句话|通俗(?:易懂)?的?(?:话|语言)|大白话|白话|简单的?(?:话|语言)|浅显的?(?:话|语言))(?:来)?|(?:简单|简要|简短|通俗|通俗易懂|浅显|粗略|大致)(?:地|点)?)${AUDIENCE}?(?=(?:概括|总结|介绍|说|讲|解释|描述|科普|讲解|聊|谈|解读|梳理)[^，,。？?]{2,})`,
  'gu',
);

function withoutBriefFlag(clause: Clause): Clause {
  if (clause.brief === undefined) return clause;
  const { brief: _b, ...rest } = clause;
  return rest;
}

/** A request for information ("麻烦告诉我这个方案的文号", "介绍一下苗圃计划") asks as a question does. */
// ("顺便给下文号", "再发一下印发日期": given, on request — not 下面/下属/下一场.)
const REQUEST = /告诉我|告知|给出|列出|(?:^|顺便|再|也|还|麻烦|请|帮忙)(?:给|发)(?:我|我们)?(?:一下|下)(?=\p{Script=Han}{2})(?![面属游级一个次周月年午])|(?:请|麻烦|烦请|敬请)\p{Script=Han}{0,4}?(?:说明|阐述|解释|列举|概括|总结|解读|介绍|简述|讲解)|分点(?:说明|列出|介绍|作答)|列个|梳理一下|整理一下|(?:帮忙|帮我们?|给我们?|替我们?)(?:给)?(?:这几家|这些企业|它们|他们)?(?:评估|测评|评测|匹配|对照|(?:分|归)(?:一)?(?:下|个)?类)|评估一下|(?:做|来|搞|出)(?:个|一个|一下|下|一次|一份)?[^，,。？?]{0,6}?(?:匹配|适配|评估|测评|(?<!导)体检(?!测))|介绍一?下|讲讲|说说|说一下|讲一下|列一下|帮我查|发我一下|给个|提供一下|留个|(?:帮我|给我|替我|我要|我想)(?:报名|报个名|登记|预约|取消|订阅|退订|转人工|联系)|(?:帮|给|替|为|协助|帮助)(?:我|我们|我司|公司|咱们)报(?:名|个|一个|一场|一期|一次|一下|下|上)|(?:让|叫|要)我报|(?:标注|标出|标明|注明|判定|归一下|归个)[^，,。？?]{0,10}?(?:类别|类型|分类|类)/u;

/** A short clause ending in 不/没(有), or a modal and 不 ("综合评价能加分不"), asks A-not-A ("收费不"). */
// ("专精特新没有": an honour named before 没有, without a verb, is not held — told, not asked.)
// ("政策里有这种安排没": 有…没 asks as 有没有 does.)
const A_NOT_A_END = /^(?!.*(?:专精特新|小巨人|称号|荣誉|资质|证书)(?:称号|荣誉)?(?:还|也|都|暂时|目前)?没有?$).{1,6}(?:不|没有?)$|(?:能|可以|可|要|会|算|收|给|行)[^，,。]{0,12}不$|有[^，,。]{1,12}(?:没有?|不)$/u;

/** A condition of the question ("如果是区级的话", "第一次认定的话"): part of the question after it. */
// ("那如果是市级的，属于几类": opened by 那 as a follow-up, the condition is the same — unless 呢 asks it already:
// "那要是2021年评上的呢，今年还加吗".) ("搬到园区以后要是评上区级，是几类": a time may come before the condition,
// or be the condition: "想问一下迁过去以后，我们是几类".)
const CONDITION = /^(?:如果|要是|假如|假设|若是|若|倘若)|^[^，,。？?]{0,8}(?:以后|之后|后)(?:如果|要是|假如|若是|倘若)|^(?:想问一下|想问下|想问问|想问|请问一下|请问|问一下)[^，,。？?]{1,12}(?:以后|之后)$|^(?:那|那么)(?:如果|要是|假如|假设|若是|若|倘若)(?!.*呢$)|的话$/u;

/**
 * 几 as "a few", not "how many": a quantity followed by what those people or things intend or are
 * doing ("有几位海外博士想回国加入我们", "我们有几个项目正在做智改数转") states a situation.
 */
/** 几 as "a few" after a verb of wanting, getting or reaching ("想找几所高校", "带几个高管", "想打进园区几家链主的供应链"). */
// ("目前在和几家医院做临床": 几 after 和/跟, those it works with; "负责对口园区几家子公司": those one looks after.)
const FEW_WANTED = /(?<=(?:对口|负责|管理|跟进|跟踪|旗下|下属|名下|想|要|找|招|请|引进|引|挖|带|组织|派|邀请|聘|雇|打进|打入|进入|对接|接触|联系|拜访|走访|合作|在和|在跟|正和|正跟|和|跟)[^，,。？?有]{0,2})几(?=[位个名家所项款台套条批])/gu;

/** 几 as "a few" after 了 before what it counts ("工作了几年的工程师", "新来了几个管理层"), and 好几 ("好几年"): no question. */
// ("供应链也有几个卡点": a few problems told, not counted; "我们有几户拟IPO的授信客户": a few of ours, told;
// "我们孵化的几家企业分布在…": ours, a few of them.)
const FEW_BEFORE = /了几(?=[年个次天月位家场]的)|(?<=(?:我们|我司|我们公司|我方|手上|手里|旗下|下属|名下)[^，,。？?几]{0,6}的)几(?=[家个位名所项])|(?<=(?:新来|来|招|进|调来|换|加|多|新招|新进|新增|增加|引进)了)几(?=[个位名]\p{Script=Han}{2,}$)|好几|也有几(?=[个处项件条])|有几[个处项件条](?=问题|卡点|困难|难点|痛点|瓶颈|短板|堵点|难题)|(?<=(?:我们|我司|我行|我们行|我公司|手上|手里|手头)(?:目前|现在)?(?:也)?)有几(?=[户家个位名][^，,。？?吗呢么]{1,16}(?:客户|企业|公司|会员|单位)$)/gu;

/** 啥 / 什么 as "some" after 有个, in what was heard ("听别的老板讲园区有个啥资源集约利用评价"): no question. */
const SOME_THING = /(?<=(?:听|讲|说|据说)[^，,。？?]{0,10}(?:有个|有一个|有种|搞了个|弄了个|出了个))(?:啥|什么)(?=\p{Script=Han}{3})/gu;

/** 几 in an approximate number ("十几年", "几十个人", "二十几家"): no question. */
// ("最近几年效益一年不如一年", "这几年": a few recent years, no question.)
const APPROXIMATE = /[十百千万]几|几[十百千万]|(?:最近|近|这|前|头|过去|后)几(?=[年天月周])/gu;

// ("有几件发明专利一直卡在审查阶段": what the few things are doing, told — not how many asked.)
const INDEFINITE_QUANTITY = /几(?=[位个名家项款台套条批件]\S{0,10}?(?:想|打算|准备|计划|正在|已经|刚|有意向|有意|愿意|希望|一直|还在|都在|卡在|卡住|被))/gu;

/**
 * "A还是B" asks to choose ("是线上还是线下", "免费还是收费", "国家级还是省级"): 是 before it, or the two
 * sides sharing a character. "我们还是中小企业" (still) and "还是想问" say no choice.
 */
const ALTERNATIVE = /(\p{Script=Han}{1,4})还是(?!想|要|打算|准备|会|在|有点|挺|比较)(\p{Script=Han}{1,4})/u;

function asksAlternative(text: string): boolean {
  const match = ALTERNATIVE.exec(text);
  if (!match) return false;
  const [, before, after] = match;
  if (/是.{0,6}还是/u.test(text) && !/^(?:我们|我|我司|咱们)还是/u.test(text)) return true;
  return [...before].some((ch) => after.includes(ch) && !/[的了是我们]/u.test(ch));
}

/** A wish opening a clause ("想进大企业的供应链", "我们打算明年扩产"). */
const WISH_OPENING = /^(?:我们|我司|公司|咱们)?(?:想|想要|打算|准备|计划|希望)/u;
/** An honour said to be obtained ("有拿到区级的", "升上省级了", "2024年获评省级"). */
const HONOUR_TOLD = /(?:拿到|拿了|评上|获评|获得|升上|升到|认定为?|评为)[^，,。？?]{0,6}(?:国家级|省级|市级|区级|小巨人|专精特新)|(?:国家级|省级|市级|区级)(?:专精特新)?(?:的|了)$/u;
/** What an enterprise is, has or did: its name, founding, people, business, output, honours won. */
// (Founded, people, subsidiaries, a plan dated: "集团2008年成立", "900来号人", "园区里有两家子公司", "明年精铸要上一条…线".)
const DESCRIBES_ENTERPRISE = /(?:有限公司|股份公司|有限责任公司)$|成立于|成立(?:至今|以来)|(?:现有|共有)?(?:职工|员工)|主营|主要(?:从事|生产|做)|(?:年)?(?:产值|营收|销售额)|获评|评上|获得|获批|认定为|(?:19|20)\d{2}年(?:成立|建厂|创立|注册|创办|投产)|建厂|\d+\s*(?:来|多|余)?号?人(?!才)|人(?:左右|上下)|(?:子|分)公司|(?:明年|今年|后年|下半年)[^，,。？?]{0,8}(?:要|打算|准备|计划)|(?:正在|在)?考虑[^，,。？?]{0,16}(?:上市|扩产|搬迁|改造|投资)/u;

function classify(raw: string, questionMark: boolean, marked = false, itemGoesOn = false, heading = false): Clause | undefined {
  if (!raw) return undefined;
  // Only a lead-in that asks (想问, 请问, 老板让我查一下) makes a question; 另外/此外 only join.
  const hadLeadIn = questionMark || ASKING_LEAD_IN.test(LEAD_IN_AT_START.exec(raw)?.[0] ?? '');
  // "第三个呢" is no item marker before a request: it picks the third of what was just listed.
  const unmarked = raw.replace(ENUMERATED, '');
  const marker = ENUMERATED.test(raw) && !/^[呢吗吧啊呀?？]*$/u.test(unmarked);
  const enumerated = marked || (marker && !itemGoesOn);
  // "…一句话概括": how to answer, not what is asked; it only makes the clause a request.
  const stripped = stripLeadIn(marker ? unmarked : raw);
  const brief = BRIEFLY.test(stripped);
  const text = brief ? stripped.replace(BRIEFLY, '').replace(/^[吧呢啊呀?？]+$/u, '') : stripped.replace(MANNER_BEFORE_VERB, '') || stripped;
  // (Saying how to explain something asks for it: "一句话概括汇计划" is a request.)
  const mannered = !brief && text !== stripped;
  if (!text) return brief ? { text: stripped, kind: 'filler', firstPerson: false, brief: true } : undefined;
  const firstPerson = FIRST_PERSON.test(text);
  if (FILLER.test(text) || ANNOUNCED_LIST.test(text) || FRAMED_BY_POLICY.test(text) || SELF_INTRODUCTION.test(text) || (SPEAKER_ROLE.test(text) && !questionMark)) return { text, kind: 'filler', firstPerson };
  // What was heard about the policy ("听说首次认定有奖励") or what it says ("评价里说的近三年内认定") is background,
  // never a fact about us.
  // ("听说专精特新企业申报有辅导？": what was heard, asked with a question mark, is asked whether it holds.)
  if (HEARSAY.test(text) && questionMark && !QUESTION.test(text) && !asksAlternative(text)) return { text: `${text.replace(HEARSAY_OPENING, '')}吗`, kind: 'ask', firstPerson };
  if ((HEARSAY.test(text) || POLICY_SAYS.test(text)) && !QUESTION.test(text)) return { text, kind: 'context', firstPerson };
  // What a plan is for ("想带管理层去优秀企业学习，看看人家是怎么搞的"): its question word asks nothing of us,
  // and the plan before it, not what they want to see, is what a later "这种活动" refers to.
  if (PURPOSE.test(text) && !questionMark) return { text, kind: 'filler', firstPerson };
  // A plan to see something ("老板想请专家来厂里看看到底哪里不行"): the question word is inside what they want
  // to see; the clause is the plan, which lends its topic to the question after it.
  if (PLANNED_LOOK.test(text) && !questionMark && !/[吗呢么嘛]$/u.test(text)) return { text, kind: 'context', firstPerson };
  // What others said ("人家讲他们怎么做到细分市场第一的") is background: its question word asks nothing of us.
  if (REPORTED.test(text) && !questionMark) return { text, kind: 'context', firstPerson };
  // An asking verb (想问, 想了解) makes the rest a question even without a question word.
  // ("一句话概括下区别": only what to sum up is left — it asks of what the clause before named.)
  if (brief && BRIEF_OBJECT.test(text)) return { text, kind: 'ask', firstPerson, brief: true };
  // ("想了解下人才这块：金鸡湖人才计划每年什么时候申报？…": the part announced, then the questions it heads.)
  if (hadLeadIn && heading && itemGoesOn && ANNOUNCED_PART.test(text) && !QUESTION.test(text)) return { text, kind: 'context', firstPerson };
  // ("想请你给读者解释一下：按汇计划的分类，这家企业属于哪一类": the request's object is what follows the colon.)
  if (heading && itemGoesOn && REQUEST_BEFORE_COLON.test(text) && !QUESTION.test(text)) return { text, kind: 'filler', firstPerson };
  // ("想问下想进大企业的供应链，园区有没有对接的渠道": the lead-in asks the question after the wish, which is its background.)
  if (hadLeadIn && !questionMark && itemGoesOn && WISH_OPENING.test(text) && !QUESTION.test(text)) return { text, kind: 'context', firstPerson };
  // ("请问沙龙和培训这些活动，企业要怎么报名？": things summed up by 这些 head the question after them.)
  if (itemGoesOn && LIST_SUMMED_UP.test(text) && !QUESTION.test(text)) return { text, kind: 'context', firstPerson };
  // ("一、苏州恒昌精密机械有限公司…；二、二〇二四年获评江苏省专精特新…": a numbered item describing the enterprise, as
  // letters to officials list their background, asks nothing.)
  // (Nor does a wish numbered among them: "3、我们想进园区几家龙头装备企业的供应链做配套".)
  const askedItem = enumerated && !DESCRIBES_ENTERPRISE.test(text) && !(WISH_OPENING.test(text) && !ASKING_LEAD_IN.test(text));
  if (brief || mannered || QUESTION.test(text.replace(FEW_BEFORE, '').replace(INDEFINITE_QUANTITY, '').replace(APPROXIMATE, '').replace(FEW_WANTED, '').replace(AND_SO_ON, '').replace(SOME_THING, '')) || A_NOT_A_END.test(text) || asksAlternative(text) || REQUEST.test(text) || hadLeadIn || askedItem) return { text, kind: 'ask', firstPerson };
  // "第一次拿到专精特新荣誉的企业，园区有啥额外支持": an enterprise described, the subject of the question
  // after it, which may lend its topic (首次认定), not a fact about our own.
  if (!firstPerson && (DESCRIBED_SUBJECT.test(text) || CLASS_SUBJECT.test(text))) return { text, kind: 'context', firstPerson };
  // "小巨人三年行动计划": a document named (its title holds an honour's name), not a fact about us.
  if (!firstPerson && NAMES_DOCUMENT.test(text)) return { text, kind: 'context', firstPerson };
  // "我们IP申报这块": a part named as the topic of what follows, not a fact about us.
  if (TOPIC_PART.test(text) && !FACT.test(text.replace(TOPIC_PART, ''))) return { text, kind: 'context', firstPerson };
  // ("首次认定的奖补，一般多久能到账": what the policy gives, named as the topic — no fact about us.)
  if (!firstPerson && GIVEN_NAMED.test(text)) return { text, kind: 'context', firstPerson };
  if (FACT.test(text)) return { text, kind: 'fact', firstPerson };
  return { text, kind: firstPerson ? 'fact' : 'context', firstPerson };
}
