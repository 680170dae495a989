/**
 * Understanding of messages as enterprise staff write them: clauses before retrieval, facts kept
 * apart from questions, several questions in one message, homophone typos read through pinyin.
 * Cases here are written for the tests (not copies of the eval sets).
 */
import { splitClauses } from '../../src/nlu/clauses';
import { PinyinCorrector } from '../../src/nlu/pinyinCorrector';
import { cleanText } from '../../src/text/normalize';
import { pinyinCorrectorFor } from '../../src/nlu/vocabulary';
import { RomanizedPinyin } from '../../src/nlu/romanizedPinyin';
import { recognizer } from './fixture';

const kinds = (text: string) => splitClauses(cleanText(text)).map((c) => `${c.kind}:${c.text}`);

describe('clauses', () => {
  test('greetings, facts about the enterprise and the question are told apart; lead-ins are dropped', () => {
    expect(kinds('早上好，我们是做光伏逆变器的，员工三百多人，2023年评上了省级专精特新，老板让我问一下专场招聘是线上办吗')).toEqual([
      'filler:早上好',
      'fact:我们是做光伏逆变器的',
      'fact:员工三百多人',
      'fact:2023年评上了省级专精特新',
      'ask:专场招聘是线上办吗',
    ]);
  });

  test('background that names a topic is context, a plan is a fact, a short A-not-A is a question', () => {
    expect(kinds('听说园区有个苗圃计划，这个适合什么企业')).toEqual(['context:听说园区有个苗圃计划', 'ask:这个适合什么企业']);
    expect(kinds('我们准备后年上市')).toEqual(['fact:我们准备后年上市']);
    expect(kinds('那诊断呢，要钱不')).toEqual(['ask:那诊断呢', 'ask:要钱不']);
  });

  test('unpunctuated WeChat text is cut at the spaces between words; connectives open a clause', () => {
    expect(kinds('我们区级专精特新 想问下企业沙龙多久一次')).toEqual(['fact:我们区级专精特新', 'ask:企业沙龙多久一次']);
    expect(kinds('深度诊断是谁做的另外培训要报名吗')).toEqual(['ask:深度诊断是谁做的', 'ask:培训要报名吗']);
    // latin words keep their spaces
    expect(kinds('专精特新 show 是什么')).toHaveLength(1);
  });
});

describe('domain words typed in pinyin letters', () => {
  test('a whole word, or the start of one whose rest follows in characters, is read as the word', () => {
    const r = new RomanizedPinyin(['标杆学习', '深度诊断', '苗圃计划', '绿色工厂']);
    expect(r.read('biaogan学习怎么组织')).toBe('标杆学习怎么组织');
    expect(r.read('shenduzhenduan要钱吗')).toBe('深度诊断要钱吗');
    expect(r.read('miaopu计划')).toBe('苗圃计划');
    // ü typed as v
    expect(r.read('lvse工厂')).toBe('绿色工厂');
  });

  test('English words and letters spelling no domain word stay', () => {
    const r = new RomanizedPinyin(['标杆学习', '深度诊断', '苗圃计划']);
    for (const text of ['我们准备ipo', 'hr想问招聘', 'saas企业', 'miaopu是什么', 'biaogan企业']) expect(r.read(text)).toBe(text);
  });
});

describe('pinyin typo tolerance', () => {
  test('homophones and near homophones of domain words are read right', async () => {
    const c = pinyinCorrectorFor((await recognizer()).kb);
    expect(c.correct('苗谱计划怎么参加')).toBe('苗圃计划怎么参加');
    expect(c.correct('资源集约利用平价')).toBe('资源集约利用评价');
    expect(c.correct('知识产权保互中心')).toBe('知识产权保护中心');
    expect(c.correct('服务专窗在哪里')).toBe('服务专窗在哪里');
    expect(c.correct('人才招聘专厂')).toBe('人才招聘专场');
  });

  test('different words stay different', async () => {
    const c = pinyinCorrectorFor((await recognizer()).kb);
    for (const text of ['我们没有上市计划', '国家机关发的文件', '升级了吗', '实际上我们是省级', '会计师事务所', '这家企业是异类']) {
      expect(c.correct(text)).toBe(text);
    }
  });

  test('a substitution costs by kind: a homophone is cheaper than a near syllable, unrelated characters never match', () => {
    const c = new PinyinCorrector(['企业沙龙', '诊断']);
    expect(c.corrections('企业沙笼')).toEqual([{ from: '企业沙笼', to: '企业沙龙', index: 0 }]);
    expect(c.corrections('企业沙狼')).toEqual([]);
    // two-character words take only a true homophone
    expect(c.correct('诊段')).toBe('诊断');
    expect(c.correct('诊蛋')).toBe('诊蛋');
  });
});

describe('frames', () => {
  test('a long message whose asking part is short finds what the short question alone finds', async () => {
    const r = await recognizer();
    const short = r.recognizeSync('苗圃计划有啥用？');
    for (const background of [
      '您好，我们公司做工业视觉检测，一百来人，2022年拿到了区级专精特新，',
      '打扰一下，我司主营高端轴承，属于制造业，领导让我咨询下，',
    ]) {
      const long = r.recognizeSync(`${background}苗圃计划有啥用？`);
      expect(long.candidates[0].id).toBe(short.candidates[0].id);
      expect(long.intent).toBe(short.intent);
      expect(long.frame?.factText).toBeTruthy();
    }
  });

  test('several questions: each with its topic and aspect, in order; a question without a topic takes the one just named', async () => {
    const r = await recognizer();
    const q = r.recognizeSync('定向服务由谁负责？收费吗？另外汇计划的文号是多少').frame!.questions;
    expect(q.map((x) => [x.candidates[0].id, x.aspect ?? null])).toEqual([
      ['svc.targeted-service', 'responsible'],
      ['svc.targeted-service', 'cost'],
      ['doc.number', null],
    ]);
  });

  test('a topic named without an aspect and an aspect asked right after are one question', async () => {
    const r = await recognizer();
    const q = r.recognizeSync('那标杆学习呢，收费不').frame!.questions;
    expect(q).toHaveLength(1);
    expect(q[0].candidates[0].id).toBe('ind.benchmark-learning');
    expect(q[0].aspect).toBe('cost');
  });

  test('facts up front with a support question go to the advisor; with a plan they lend their topic', async () => {
    const r = await recognizer();
    expect(r.recognizeSync('我们是2023年认定的市级专精特新，做新材料的，有什么支持').intent).toBe('what_support');
    const plan = r.recognizeSync('公司准备明年登陆科创板，园区这块能给什么帮助');
    expect(plan.intent).toBe('policy_question');
    expect(plan.candidates[0].id).toBe('fin.ipo-cultivation');
  });

  test('the enterprise outside the programme asking whether it may take part: the advisor for "we", the scope for others', async () => {
    const r = await recognizer();
    expect(r.recognizeSync('我们是一家三千人的大型企业，能参加吗').intent).toBe('what_support');
    const general = r.recognizeSync('大型企业能参加企业沙龙吗');
    expect(general.intent).toBe('policy_question');
    expect(general.candidates[0].id).toBe('svc.salon');
    expect(general.entities.large).toBe(true);
  });

  test('topics asked side by side become one question each, with the same aspect; topics without a joiner stay one question', async () => {
    const r = await recognizer();
    const both = r.recognizeSync('配套合作跟产业对接都是谁来负责的').frame!.questions;
    expect(both.map((x) => [x.candidates[0].id, x.aspect ?? null])).toEqual([
      ['ind.supply-cooperation', 'responsible'],
      ['ind.industry-matching', 'responsible'],
    ]);
    const three = r.recognizeSync('金融汇、人才汇以及技术汇分别包括什么').frame!.questions;
    expect(three.map((x) => x.candidates[0].id)).toEqual(['hui.finance', 'hui.talent', 'hui.tech']);
    expect(r.recognizeSync('苗圃计划属于金融汇吗').frame!.questions).toHaveLength(1);
  });

  test('a plan said not to exist lends no topic; a plan with an honour stated and a support question goes to the advisor', async () => {
    const r = await recognizer();
    const none = r.recognizeSync('我们是区级专精特新，暂不打算招人，请问能得到哪些支持');
    expect(none.intent).toBe('what_support');
    const denied = r.recognizeSync('我们是市级专精特新，眼下并没有扩招的想法，看看能拿到什么扶持');
    expect(denied.intent).toBe('what_support');
    expect(denied.topicFromMessage).toBeUndefined();
    const plan = r.recognizeSync('我司2024年获评省级专精特新，准备明年冲刺上市，可以享受什么政策');
    expect(plan.intent).toBe('what_support');
    // the plan is among the facts the advisor reads
    expect(plan.frame?.facts?.update.planningIpo).toBe(true);
    // without an honour the plan is the topic ("公司准备明年登陆科创板…" above)
  });

  test('a correction among the facts does not turn the question after it into a tier question', async () => {
    const r = await recognizer();
    const q = r.recognizeSync('刚才讲错了，我们其实是市级专精特新，这样的话能享受什么');
    expect(q.intent).toBe('what_support');
    expect(q.entities.correction).toBe(true);
    expect(r.recognizeSync('不对，我们其实是市级的').intent).toBe('which_tier');
  });

  test('how to become a cultivation target is answered from the tiers', async () => {
    const r = await recognizer();
    for (const text of ['我们想进培育库，要怎么弄', '没有荣誉的企业如何入库']) {
      const q = r.recognizeSync(text);
      expect(q.intent).toBe('policy_question');
      expect(q.candidates[0].id).toBe('tiers.classification');
    }
  });

  test('"what can you do" after a plan asks what the park does about it, not for the bot\'s help', async () => {
    const r = await recognizer();
    const q = r.recognizeSync('我们最近想做节能改造，园区能帮我们做什么');
    expect(q.intent).toBe('policy_question');
    expect(q.candidates[0].id).toBe('tech.transformation');
    expect(r.recognizeSync('你能做什么').intent).toBe('help');
  });

  test('a detail the policy never gives, asked of an item named, reaches the Q&A (which says so); another programme stays out', async () => {
    const r = await recognizer();
    const q = r.recognizeSync('标杆学习一期招几家企业');
    expect(q.intent).toBe('policy_question');
    expect(q.candidates[0].id).toBe('ind.benchmark-learning');
    expect(r.recognizeSync('公积金贷款利率多少').intent).toBe('none');
  });

  test('"can we sign up" of a measure named goes to the advisor, however the question is worded', async () => {
    const r = await recognizer();
    const q = r.recognizeSync('深度诊断这个我们可以报吗');
    expect(q.intent).toBe('what_support');
    expect(q.candidates[0].id).toBe('svc.deep-diagnosis');
  });

  test('requests a pattern names as a whole are not cut into clauses', async () => {
    const r = await recognizer();
    expect(r.recognizeSync('往后有新的沙龙，麻烦第一时间通知我们').intent).toBe('subscribe');
  });

  test('pronouns refer to what was just named; an aspect alone names no topic', async () => {
    const r = await recognizer();
    expect(r.recognizeSync('它的文号呢').reference).toBe(true);
    expect(r.recognizeSync('这个文件是谁发的').reference).toBeUndefined();
    const aspectOnly = r.recognizeSync('收费吗');
    expect(aspectOnly.namesTopic).toBe(false);
    expect(aspectOnly.aspect).toBe('cost');
  });
});

describe('pinyin typo tolerance keeps words of their own', () => {
  test('characters a correction would change that make a word ("十几") are no typo', async () => {
    const c = pinyinCorrectorFor((await recognizer()).kb);
    expect(c.correct('每年要申请十几个专利')).toBe('每年要申请十几个专利');
    expect(c.correct('苗浦计划')).toBe('苗圃计划');
  });
});

test('a misheard part that is a word of its own is still corrected inside a long domain word', async () => {
  const c = pinyinCorrectorFor((await recognizer()).kb);
  expect(c.correct('只是产权保护这块能帮啥')).toBe('知识产权保护这块能帮啥');
});
