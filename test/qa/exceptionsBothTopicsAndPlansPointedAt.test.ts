/**
 * Round 134 (from batch b2's tuned half): "除了定制化培训班还有别的辅导吗" answers the item's other parts; "分别找哪个部门"
 * after two topics asks of both; an honour "还没申请上" is not held, and "迁过去以后" is the question's time, not a
 * question; a wish after 想问下 is the background of the question after it; "这块" opening a question points at the plan
 * told in a typed form; "预算大概2000万" is no year.
 * Round 134b (from batch c3's tuned half): "没有省级国家级" denies both; "像他们这种入库培育企业也能参加吗" asks of the
 * activity heard of before; "有什么服务渠道可以用" is the targeted service; "里面第二条" picks the second of the part just
 * answered; an answer another says in full and more is said once.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('the part set aside is not the answer; the others are', async () => {
  const reply = await lastReply(DAY, '培训辅导有哪些', '还有吗，除了定制化培训班还有别的辅导吗');
  expect(reply).toMatch(/线上解读和申报辅导/);
  expect(reply).not.toMatch(/定制化培训班面向/);
  const rest = await lastReply(DAY, '培训辅导有哪些', '那除了申报辅导呢');
  expect(rest).toMatch(/^遴选优质校企培训机构资源[^\n]*定制化培训班。\n/);
  expect(rest).not.toMatch(/申报辅导服务/);
});

test('"分别找哪个部门" after two topics asks of both', async () => {
  const reply = await lastReply(DAY, '知识产权 跟 智改数转', '分别找哪个部门 麻烦了');
  expect(reply).toMatch(/知识产权保护[^\n]*科创委/);
  expect(reply).toMatch(/转型升级[^\n]*经发委/);
});

test('an honour not yet applied for is not held; 迁过去以后 is when the question asks', async () => {
  const reply = await lastReply(DAY, '您好，我这边是吴江的一家汽车零部件企业，2016年成立，目前180人，2023年被认定为苏州市级专精特新中小企业，省级还没申请上。我们有计划明年整体迁到苏州工业园区，想问一下迁过去以后，按这个方案我们是几类培育对象？');
  expect(reply).toMatch(/二类/);
  expect(reply).not.toMatch(/属于一类|迁过去以后/);
});

test('a wish after 想问下 is the background of the question after it', async () => {
  const reply = await lastReply(DAY, '老师您好 我们公司2017年成立 九十个人 做汽车零部件的 2025年评上区级专精特新', '想问下想进大企业的供应链 园区有没有什么对接的渠道 谢谢老师');
  expect(reply).toMatch(/链主|园易链/);
});

test('"这块" opening the question of a typed form is the plan told', async () => {
  const reply = await lastReply(DAY, '公司：苏州某新材料有限公司\n成立：2012年\n人数：420人\n荣誉：省级专精特新 2025年\n主营：电子级高分子薄膜，工厂能耗比较高\n计划：明年准备做智改数转+节能改造，预算大概2000万\n问题：这块专精特新企业能享受什么支持？');
  expect(reply).toMatch(/智改数转|转型升级/);
});

test('a sum is no year', async () => {
  const r = await recognizer();
  expect((await r.recognize('预算大概2000万，2021年评的省级')).entities.years).toEqual([2021]);
});

test('levels said one after another after a denial are all denied', async () => {
  const reply = await lastReply(DAY, '同学公司2022年拿的市级专精特新, 没有省级国家级, 算哪类?');
  expect(reply).toMatch(/二类/);
  expect(reply).not.toMatch(/属于一类/);
});

test('"像他们这种入库培育企业也能参加吗" asks of the activity heard of', async () => {
  const reply = await lastReply(DAY, '帮一家合作的厂问下：他们2026年刚入库培育，还没有评上任何级别的专精特新。听说园区有专精特新专场招聘，像他们这种入库培育企业也能参加吗？');
  expect(reply).toMatch(/^可以参加/);
  expect(reply).toMatch(/专场招聘/);
});

test('the service channels to use are the targeted service', async () => {
  expect(await lastReply(DAY, '我们2024年认定了园区区级专精特新。最近在办一些审批手续，跑了好几趟还没办下来，想找政府帮忙。请问政策里有什么服务渠道可以用？')).toMatch(/服务专窗/);
});

test('"里面第二条" picks the second of the part just answered', async () => {
  expect(await lastReply(DAY, '政策第四部分讲的是什么？', '里面第二条具体说了什么')).toMatch(/专项资金/);
});

test('an answer said in full by the next one is said once', async () => {
  const reply = await lastReply(DAY, '方案里提到的小巨人培育三年行动计划是哪几年的？到今天还在期内吗');
  expect(reply.match(/覆盖2021—2023年/g)).toHaveLength(1);
  expect(reply).toMatch(/已届满/);
});
