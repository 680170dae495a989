import { maskMobile, validateMobile } from '../../src/activities/validation/mobile';
import { validateContactName } from '../../src/activities/validation/text';
import { toHalfWidth } from '../../src/text/normalize';
import { HANDOFF_TEXT } from '../../src/handoff/copy';

export const MAX_QUESTION_CHARS = 2000;

/** How the user wants to be answered, as far as one message tells. */
export type ContactAnswer =
  | { kind: 'chat' }
  | { kind: 'phone'; name?: string; mobile?: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unclear' };

const CHAT_WORDS = /本会话|这里回复|在这回复|在线回复|直接回复|不用留|不留|不用了|不需要/;
const PHONE_WORDS = /留下|电话|手机|联系方式|姓名/;
/** A run of five or more digits (with the separators people type) is meant as a phone number. */
const MOBILE_LIKE = /(?:\+?86[\s-]?)?\d[\d\s-]{3,}\d/;

/**
 * Reads the answer to "服务专员如何回复您": reply in the conversation, or a name and a mobile
 * ("王先生 13912345678", "13912345678 王先生"), or just the wish to leave a phone number.
 */
export function parseContact(raw: string | undefined): ContactAnswer {
  const text = toHalfWidth(raw ?? '').trim();
  if (!text || text.length > 200) return { kind: 'unclear' };
  const mobileMatch = MOBILE_LIKE.exec(text);
  if (mobileMatch) {
    const mobile = validateMobile(mobileMatch[0]);
    if (!mobile.ok) return { kind: 'invalid', message: mobile.message };
    const rest = (text.slice(0, mobileMatch.index) + ' ' + text.slice(mobileMatch.index + mobileMatch[0].length))
      .replace(/[,，;；:：。、/|]+/g, ' ')
      .replace(/(姓名|名字|手机号?码?|电话|联系人|联系方式|我是|我叫)/g, ' ')
      .trim();
    const name = rest ? validateContactName(rest) : undefined;
    return { kind: 'phone', mobile: mobile.mobile, name: name?.ok ? name.value : undefined };
  }
  if (CHAT_WORDS.test(text)) return { kind: 'chat' };
  if (PHONE_WORDS.test(text)) return { kind: 'phone' };
  // Just a name or form of address ("王先生"): the mobile is asked next.
  const name = checkName(text);
  if (name.ok && looksLikeName(name.value)) return { kind: 'phone', name: name.value };
  return { kind: 'unclear' };
}

/** Common Chinese surnames: a bare "王明" is a name, "随便" is not. */
const SURNAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'],
);

/** A person's name or form of address: 王明, 欧阳娜娜, a title (王先生, 李经理), or Latin letters. */
function looksLikeName(text: string): boolean {
  if (/^\p{Script=Han}{1,3}(先生|女士|小姐|老师|经理|主任|总|工)$/u.test(text)) return true;
  if (/^\p{Script=Han}{2,4}$/u.test(text)) return SURNAMES.has(text[0]);
  return /^[A-Za-z][A-Za-z .·-]{1,29}$/.test(text);
}

/** Whether a reply to "服务专员如何回复您" is meant as an answer: a number, or words about how to answer. */
export function looksLikeContactAnswer(raw: string): boolean {
  const text = toHalfWidth(raw);
  return /\d{5,}/.test(text.replace(/[\s-]+/g, '')) || CHAT_WORDS.test(text) || PHONE_WORDS.test(text);
}

/** Replies that are answers to some other question, never a name. */
const NOT_A_NAME =
  /^(同意|不同意|好的?|确认|确定|是的?|对|可以|行|嗯|不用|不要|取消|谢谢|没有|不知道|不清楚|本会话回复即可|留下姓名和手机号|就是刚才的问题|转人工|人工|人工客服|找人工|真人|我要找真人|帮助|退订|订阅|我的报名|取消报名)$/u;

export type QuestionCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'too_long'; length?: number };

/** A question in the user's words: any text with at least one letter or digit, up to MAX_QUESTION_CHARS. */
export function checkQuestion(raw: string | undefined): QuestionCheck {
  const value = (raw ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (!/[\p{L}\p{N}]/u.test(value)) return { ok: false, reason: 'empty' };
  const length = [...value].length;
  if (length > MAX_QUESTION_CHARS) return { ok: false, reason: 'too_long', length };
  return { ok: true, value };
}

/** A name or form of address ("王先生", "Li Lei"). */
export function checkName(raw: string | undefined): { ok: true; value: string } | { ok: false; message: string } {
  if (NOT_A_NAME.test((raw ?? '').trim())) return { ok: false, message: HANDOFF_TEXT.nameNeeded };
  const name = validateContactName(raw);
  return name.ok ? name : { ok: false, message: HANDOFF_TEXT.nameMessage(name.message) };
}

/** How the user asked to be contacted, the mobile masked (undefined: in this conversation). */
export function contactText(name: string | undefined, mobile: string | undefined): string | undefined {
  return name && mobile ? `${name} ${maskMobile(mobile)}` : undefined;
}
