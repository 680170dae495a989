import { createHarness, creditCode } from './helpers';
test('explore', async () => {
  const h = await createHarness();
  await h.activity({ title: '专精特新企业沙龙', daysAhead: 8 });
  await h.activity({ title: '招聘会', type: 'jobfair', daysAhead: 20 });
  const u = h.user('u1');
  for (const t of ['最近有什么活动', '我要报名', '1', '同意', '苏州某某科技有限公司', '9135', creditCode(5), '张三', '138 1234 5678', '2', '确认提交', '我的报名', '取消报名', '确认取消报名', '我要报名下周的企业沙龙']) {
    console.log('> ' + t + '\n' + (await u.sayAll(t)));
  }
  await h.close();
});
