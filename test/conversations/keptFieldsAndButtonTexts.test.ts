/**
 * Written for the tests (not taken from an evaluation set), through the whole product over Direct Line:
 * a correction at the summary that also names a field to keep changes only the other one, with the
 * value it says; a button with a value carries its title once as the text a click sends, not a third
 * copy as displayText (Web Chat shows the text).
 */
import { withButtons } from '../../dialogs/buttons';
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"联系人写错了，改成…，手机号不变" changes the contact and keeps the mobile', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意', '苏州工业园区戊己科技有限公司', '91320594MA1P6T4E3C', '赵磊', '13800002222');
  expect(await chat.say('1')).toMatch(/请核对报名信息/);
  const fixed = await chat.say('联系人写错了，改成孙悦，手机号不变');
  expect(fixed).toMatch(/联系人：孙悦/);
  expect(fixed).toMatch(/手机号：138\*{0,4}\d*2222|13800002222/);
  expect(fixed).not.toMatch(/请输入手机号/);
  const other = await chat.say('电话号码没错，人数改成2人');
  expect(other).toMatch(/参会人数：2 人/);
});

test('a button with a value sends its title as text and has no displayText', () => {
  const activity = withButtons([{ title: '支持详情：产业汇', value: { action: 'what_support', hui: 'industry' } }], '说明');
  const [action] = activity.suggestedActions!.actions;
  expect(action).toMatchObject({ type: 'messageBack', title: '支持详情：产业汇', text: '支持详情：产业汇' });
  expect(action).not.toHaveProperty('displayText');
});
