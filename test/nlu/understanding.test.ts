/**
 * Understanding of messages as enterprise staff write them: clauses before retrieval, facts kept
 * apart from questions, several questions in one message, homophone typos read through pinyin.
 * Cases here are written for the tests (not copies of the eval sets).
 */
import { splitClauses } from '../../src/nlu/clauses';
import { PinyinCorrector } from '../../src/nlu/pinyinCorrector';
import { cleanText } from '../../src/text/normalize';
import { pinyinCorrectorFor } from '../../src/nlu/vocabulary';
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
