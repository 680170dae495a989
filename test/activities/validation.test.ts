import { creditCodeCheckChar, normalizeCreditCode, saysNotAtHand, validateCreditCode } from '../../src/activities/validation/creditCode';
import { maskMobile, validateMobile } from '../../src/activities/validation/mobile';
import { parseCount, validateAttendees, validateContactName, validateEnterpriseName } from '../../src/activities/validation/text';
import { validatePositions } from '../../src/activities/validation/positions';
import { coerceTier, parseTier } from '../../src/activities/validation/tier';
import { parseConsent } from '../../dialogs/activities/prompts';
import { matchChoice, parseButton } from '../../dialogs/activities/buttons';
import { CANCEL_TEXT, SIGNUP_TEXT } from '../../src/activities/copy';
import { CHOICE_SYNONYMS } from '../../dialogs/activities/vocabulary';
import { extractSignUpSlots, profileHints } from '../../dialogs/activities/slots';
import { creditCode } from './helpers';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published codes of well-known enterprises, and the example printed in the standard's guidance.
  const REAL = ['91350100M000100Y43', '9144030071526726XG', '914403001922038216', '91330100716105852F', '91110000802100433B'];

  test.each(REAL)('accepts the published code %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
  });

  test('the check character is computed from the first 17 characters', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    expect(() => creditCodeCheckChar('123')).toThrow(RangeError);
  });

  test('accepts lower case, full-width characters, spaces and dashes', () => {
    expect(validateCreditCode(' 9135 0100-m000 100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(normalizeCreditCode('9135-0100 m000')).toBe('91350100M000');
  });

  test('every single-character change of a valid code is caught', () => {
    const code = REAL[0];
    for (let i = 0; i < 18; i++) {
      const replacement = code[i] === '1' ? '2' : '1';
      const changed = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(validateCreditCode(changed).ok).toBe(false);
    }
  });

  test('a wrong check character is reported as such', () => {
    const r = validateCreditCode('91350100M000100Y44');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.kind).toBe('check_char');
      expect(r.message).toContain('校验');
    }
  });

  test('wrong length says how many characters were given', () => {
    const r = validateCreditCode('91350100M000100Y4');
    expect(r).toMatchObject({ ok: false, problem: { kind: 'length', length: 17 } });
    if (!r.ok) expect(r.message).toContain('18 位');
    expect(validateCreditCode('91350100M000100Y433')).toMatchObject({ ok: false, problem: { kind: 'length', length: 19 } });
  });

  test.each(['I', 'O', 'Z', 'S', 'V'])('the unused letter %s is named with its position', (letter) => {
    const r = validateCreditCode(`9135010${letter}M000100Y43`);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'excluded_letter', position: 8, char: letter } });
    if (!r.ok) expect(r.message).toContain('I、O、Z、S、V');
  });

  test('illegal characters, Chinese text, emoji and empty input get their own messages', () => {
    expect(validateCreditCode('91350100M000100Y4#')).toMatchObject({ ok: false, problem: { kind: 'illegal_char', position: 18, char: '#' } });
    const han = validateCreditCode('苏州某某科技有限公司');
    expect(han.ok).toBe(false);
    if (!han.ok) expect(han.message).toContain('不要输入汉字');
    expect(validateCreditCode('91350100M000100Y4😀')).toMatchObject({ ok: false, problem: { kind: 'illegal_char', char: '😀' } });
    expect(validateCreditCode('')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
    expect(validateCreditCode('   ')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
  });

  test('the test helper generates valid, distinct codes', () => {
    const codes = new Set(Array.from({ length: 300 }, (_, i) => creditCode(i)));
    expect(codes.size).toBe(300);
    for (const c of codes) expect(validateCreditCode(c).ok).toBe(true);
  });
});

describe('mobile numbers', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['８６１９９１２３４５６７８', '19912345678'],
  ])('accepts %s', (input, expected) => {
    expect(validateMobile(input)).toEqual({ ok: true, mobile: expected });
  });

  test.each([
    ['', '11 位'],
    ['1381234567', '11 位'],
    ['138123456789', '11 位'],
    ['12812345678', '13–19'],
    ['23812345678', '13–19'],
    ['138abcd5678', '数字'],
    ['+1 415 555 0100', '中国大陆'],
    ['📱13812345678', '数字'],
  ])('rejects %s with a message about %s', (input, hint) => {
    const r = validateMobile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(hint);
  });

  test('masking keeps the first three and last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});

describe('text fields', () => {
  test('enterprise names: brackets and Latin letters are fine, emoji and empty are not', () => {
    expect(validateEnterpriseName('苏州某某科技（集团）有限公司')).toEqual({ ok: true, value: '苏州某某科技（集团）有限公司' });
    expect(validateEnterpriseName('  ABC  Robotics  Co., Ltd. ')).toEqual({ ok: true, value: 'ABC Robotics Co., Ltd.' });
    expect(validateEnterpriseName('')).toMatchObject({ ok: false, message: expect.stringContaining('不能为空') });
    expect(validateEnterpriseName('某某公司😀')).toMatchObject({ ok: false, message: expect.stringContaining('表情') });
    expect(validateEnterpriseName('12345')).toMatchObject({ ok: false, message: expect.stringContaining('文字') });
    expect(validateEnterpriseName('好'.repeat(10000))).toMatchObject({ ok: false, message: expect.stringContaining('过长') });
  });

  test('contact names', () => {
    expect(validateContactName('张三')).toEqual({ ok: true, value: '张三' });
    expect(validateContactName('阿依古丽·买买提')).toMatchObject({ ok: true });
    expect(validateContactName('John Smith')).toMatchObject({ ok: true });
    expect(validateContactName('张')).toMatchObject({ ok: false, message: expect.stringContaining('过短') });
    expect(validateContactName('张三13812345678')).toMatchObject({ ok: false, message: expect.stringContaining('只能包含') });
    expect(validateContactName("'; DROP TABLE x;--")).toMatchObject({ ok: false });
  });

  test('counts in digits and Chinese numerals', () => {
    expect([parseCount('3'), parseCount('３'), parseCount('两'), parseCount('十二'), parseCount('二十'), parseCount('十')]).toEqual([3, 3, 2, 12, 20, 10]);
    expect(parseCount('很多')).toBeUndefined();
    expect(validateAttendees('2人', 3)).toEqual({ ok: true, value: 2 });
    expect(validateAttendees('两位', 3)).toEqual({ ok: true, value: 2 });
    expect(validateAttendees('5', 3)).toMatchObject({ ok: false, message: expect.stringContaining('最多 3 人') });
    expect(validateAttendees('0', 3)).toMatchObject({ ok: false, message: expect.stringContaining('至少') });
    expect(validateAttendees('很多人', 3)).toMatchObject({ ok: false, message: expect.stringContaining('数字') });
  });

  test('job fair positions', () => {
    expect(validatePositions('软件工程师 3；测试工程师2人, 销售经理：一名')).toEqual({
      ok: true,
      positions: [
        { title: '软件工程师', headcount: 3 },
        { title: '测试工程师', headcount: 2 },
        { title: '销售经理', headcount: 1 },
      ],
    });
    expect(validatePositions('软件工程师')).toMatchObject({ ok: false, message: expect.stringContaining('缺少招聘人数') });
    expect(validatePositions('工程师 0')).toMatchObject({ ok: false, message: expect.stringContaining('1–999') });
    expect(validatePositions('')).toMatchObject({ ok: false });
    // a headcount alone is kept, the position to be told later
    expect(validatePositions('2')).toEqual({ ok: true, positions: [{ title: '岗位待定', headcount: 2 }] });
    expect(validatePositions('三人')).toEqual({ ok: true, positions: [{ title: '岗位待定', headcount: 3 }] });
    expect(validatePositions('0')).toMatchObject({ ok: false, message: expect.stringContaining('1–999') });
    // one headcount for each of a group ("各一名"), and the headcount before the position ("招2名电工")
    expect(validatePositions('电工、钳工各一名')).toEqual({ ok: true, positions: [{ title: '电工', headcount: 1 }, { title: '钳工', headcount: 1 }] });
    expect(validatePositions('焊工和装配工各2人；质检员1名')).toEqual({ ok: true, positions: [{ title: '焊工', headcount: 2 }, { title: '装配工', headcount: 2 }, { title: '质检员', headcount: 1 }] });
    expect(validatePositions('招2名电工，3个钳工')).toEqual({ ok: true, positions: [{ title: '电工', headcount: 2 }, { title: '钳工', headcount: 3 }] });
    expect(validatePositions('3D设计师')).toMatchObject({ ok: false, message: expect.stringContaining('缺少招聘人数') });
  });

  test('tiers from answers and from a stored profile', () => {
    expect([parseTier('一类'), parseTier('2'), parseTier('三类（入库培育企业）'), parseTier('我们是省级专精特新'), parseTier('不清楚')]).toEqual([1, 2, 3, 1, 'unknown']);
    expect(parseTier('随便')).toBeUndefined();
    expect([coerceTier(2), coerceTier('tier3'), coerceTier('一类'), coerceTier({}), coerceTier(7)]).toEqual([2, 3, 1, undefined, undefined]);
  });
});

describe('dialog parsing helpers', () => {
  test('consent answers', () => {
    expect(['同意', '我同意', '同意。', '好的，同意', '是的，确认', '嗯 同意'].map(parseConsent)).toEqual(['accept', 'accept', 'accept', 'accept', 'accept', 'accept']);
    expect(['不同意', '我不同意', '拒绝'].map(parseConsent)).toEqual(['refuse', 'refuse', 'refuse']);
    expect(parseConsent('什么意思')).toBeUndefined();
    // a plain yes to "是否同意…？", as the whole reply; a yes with more words is not consent to this notice
    expect(['是的', '好的', '可以', '没问题', '嗯'].map(parseConsent)).toEqual(['accept', 'accept', 'accept', 'accept', 'accept']);
    expect(['是的吗', '好的我想想', '可以不填手机号吗'].map(parseConsent)).toEqual([undefined, undefined, undefined]);
  });

  test('buttons and choices', () => {
    expect(parseButton('报名：企业沙龙')).toEqual({ kind: 'sign_up', title: '企业沙龙' });
    expect(parseButton('取消报名:企业沙龙')).toEqual({ kind: 'cancel', title: '企业沙龙' });
    expect(parseButton('详情： 企业沙龙 ')).toEqual({ kind: 'details', title: '企业沙龙' });
    expect(parseButton('报名')).toBeUndefined();
    const choices = ['【示例】专精特新企业沙龙', '【示例】申报辅导（线上）'];
    expect(matchChoice('2', choices)).toBe(1);
    expect(matchChoice('第1个', choices)).toBe(0);
    expect(matchChoice('申报辅导', choices)).toBe(1);
    expect(matchChoice('报名：【示例】专精特新企业沙龙', choices)).toBe(0);
    expect(matchChoice('【示例】', choices)).toBeUndefined();
    expect(matchChoice('9', choices)).toBeUndefined();
    expect(matchChoice('x'.repeat(10000), choices)).toBeUndefined();
  });

  test('everyday replies typed instead of a click pick the choice they mean', () => {
    const confirm = [SIGNUP_TEXT.confirmSubmit, SIGNUP_TEXT.confirmRestart, SIGNUP_TEXT.confirmCancel];
    expect(['确认报名', '好的', '没问题', '确定。'].map((t) => matchChoice(t, confirm, CHOICE_SYNONYMS))).toEqual([0, 0, 0, 0]);
    expect(matchChoice('填错了', confirm, CHOICE_SYNONYMS)).toBe(1);
    const keep = [CANCEL_TEXT.yes, CANCEL_TEXT.no];
    expect(matchChoice('是的', keep, CHOICE_SYNONYMS)).toBe(0);
    expect(matchChoice('不取消', keep, CHOICE_SYNONYMS)).toBe(1);
    expect(matchChoice('随便说点什么', confirm, CHOICE_SYNONYMS)).toBeUndefined();
    // several words for the same choice
    expect(matchChoice('是的，确认', confirm, CHOICE_SYNONYMS)).toBe(0);
    expect(matchChoice('好的 没问题', confirm, CHOICE_SYNONYMS)).toBe(0);
    // words for different choices decide nothing
    expect(matchChoice('好的，重填', confirm, CHOICE_SYNONYMS)).toBeUndefined();
  });

  test('slots in a first message', () => {
    const code = creditCode(42);
    expect(extractSignUpSlots(`我要报名下周的沙龙，我们是苏州某某科技有限公司，信用代码${code}，2人参加，电话 138-1234-5678`)).toEqual({
      enterpriseName: '苏州某某科技有限公司',
      creditCode: code,
      attendees: 2,
      mobile: '13812345678',
    });
    expect(extractSignUpSlots('我要报名下周的沙龙')).toEqual({});
    expect(extractSignUpSlots('代码91350100M000100Y44')).toEqual({});
  });

  test('the contact after its label and the count after who goes are taken; labels and staff numbers are not', () => {
    const code = creditCode(7);
    expect(extractSignUpSlots(`报名招聘会 单位苏州某某精密有限公司 信用代码${code} 联系人王磊 手机13912345678 去2个人`)).toEqual({
      enterpriseName: '苏州某某精密有限公司',
      creditCode: code,
      contactName: '王磊',
      mobile: '13912345678',
      attendees: 2,
    });
    expect(extractSignUpSlots('联系人姓名：张伟，派两位')).toEqual({ contactName: '张伟', attendees: 2 });
    expect(extractSignUpSlots('需要联系人姓名、手机号吗')).toEqual({});
    expect(extractSignUpSlots('公司员工共80人，想报名')).toEqual({});
  });

  test('profile hints ignore what they cannot use', () => {
    expect(profileHints({ name: '苏州某某科技有限公司', creditCode: '91350100M000100Y43', tier: 2 })).toEqual({
      enterpriseName: '苏州某某科技有限公司',
      creditCode: '91350100M000100Y43',
      tier: 2,
    });
    expect(profileHints({ name: 5, creditCode: 'bad', honourLevels: ['national'] })).toEqual({ tier: 1 });
    expect(profileHints(null)).toEqual({});
  });
});

describe('a credit code not at hand', () => {
  test.each(['没有了', '不知道', '稍后补充可以吗', '信用代码必须填吗', '营业执照不在手头'])('%s gets where to find it and how to leave for now', (text) => {
    const result = validateCreditCode(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/印在营业执照上[\s\S]*结束报名/);
  });
  test.each(['没有荣誉的企业能参加沙龙吗', '91320594MA1MXXXXXX', '苏州示范电子有限公司'])('%s is not such a reply', (text) => {
    expect(saysNotAtHand(text)).toBe(false);
  });
});
