/**
 * A page of the activity list holds as many cards as fit one reply of 600 characters read — the intro, the cards and
 * every button's words, which WeChat shows as a numbered text menu and which a button sends as text — and "更多"
 * shows the rest. Through Direct Line with the whole product and its demo activities.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from '../conversations/harness';

jest.setTimeout(60000);

const bot = botForThisFile();

/** Characters read: what is shown, with each button's words counted again for the text it sends. */
function readLength(reply: string): number {
  const buttons = [...reply.matchAll(/^\[([^\]\n]+)\]$/gmu)].map((m) => m[1]);
  return [...reply.replace(/^\[|\]$/gmu, '')].length + buttons.reduce((sum, b) => sum + [...b].length, 0);
}

test('a page of the list fits one reply, and 更多 shows the rest', async () => {
  const chat = await bot.chat();
  const first = await chat.say('最近有什么活动');
  expect(first).toMatch(/近期的活动共 (\d+) 项，以下是第 1–(\d) 项/);
  expect(readLength(first)).toBeLessThanOrEqual(600);
  const [, total, shownFirst] = /共 (\d+) 项，以下是第 1–(\d) 项/u.exec(first)!;
  expect(Number(shownFirst)).toBeGreaterThanOrEqual(1);
  const rest = await chat.say('更多');
  expect(rest).toContain(`以下是第 ${Number(shownFirst) + 1}–`);
  expect(readLength(rest)).toBeLessThanOrEqual(600);
  expect(Number(total)).toBeGreaterThan(Number(shownFirst));
});
