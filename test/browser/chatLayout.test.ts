/**
 * The chat page in Chromium at a phone width and a desktop width, with the whole product: line
 * breaks show in details and in the sign-up summary, nothing is wider than the chat on any reply of
 * the welcome, Q&A, activity list, sign-up and advisor flows, and «新对话» starts a new conversation
 * with an empty history.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, WAIT_MS, launchChromium, seeText, type HeadlessBrowser } from '../helpers/chromium';
import { Bot, SALON } from '../conversations/harness';

jest.setTimeout(180000);

const PLACEHOLDER = '请输入您的问题，例如：深度诊断收费吗？';
const SESSION_KEY = 'huibot.webchat.session';

let bot: Bot;
beforeAll(async () => {
  bot = await Bot.start();
});
afterAll(async () => {
  await bot?.close();
});

/** Elements sticking out of the chat (carousel cards may scroll sideways, but none is wider than the chat). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const chat = document.querySelector('#huibot-webchat') as HTMLElement;
    const box = chat.getBoundingClientRect();
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`);
    }
    for (const element of Array.from(chat.querySelectorAll<HTMLElement>('*'))) {
      // Screen-reader live regions are laid out off-screen on purpose.
      if (element.closest('[class*="live-region"], [class*="screen-reader"]')) continue;
      const rect = element.getBoundingClientRect();
      if (!rect.width || !rect.height) continue;
      const label = `${element.tagName}.${String(element.className).slice(0, 60)} «${(element.textContent ?? '').slice(0, 30)}»`;
      const inStrip = element.closest('[class*="carousel-filmstrip"], [class*="react-film"]');
      // A carousel's strip is a row of cards that scrolls sideways: each card fits, the row may not.
      const isStrip = /carousel-filmstrip|react-film/.test(String(element.className));
      if (!isStrip && rect.width > box.width + 1) problems.push(`wider than the chat: ${label} ${Math.round(rect.width)} > ${Math.round(box.width)}`);
      if (inStrip) continue;
      if (rect.right > box.right + 1 || rect.left < box.left - 1) problems.push(`outside the chat: ${label}`);
    }
    return problems;
  });
}

/** The visible text of the last bot bubble containing `text` (innerText: <br> becomes a line break). */
async function bubbleText(page: Page, text: string): Promise<string> {
  await seeText(page, text);
  return page.evaluate((wanted) => {
    const bubbles = Array.from(document.querySelectorAll<HTMLElement>('.webchat__bubble__content'));
    return bubbles.reverse().find((b) => b.innerText.includes(wanted))?.innerText ?? '';
  }, text);
}

async function send(page: Page, text: string, expect?: string): Promise<void> {
  const box = page.getByPlaceholder(PLACEHOLDER);
  await box.fill(text);
  await box.press('Enter');
  if (expect) await seeText(page, expect);
}

describe.each([
  ['phone', 420, 860],
  ['desktop', 1280, 900],
])('the chat page at %s width', (name, width, height) => {
  let browser: HeadlessBrowser;
  let page: Page;
  const problems: string[] = [];
  const check = async (step: string) => {
    for (const p of await overflow(page)) problems.push(`${step}: ${p}`);
  };

  beforeAll(async () => {
    browser = await launchChromium({ width, height });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${bot.url}/`);
    await seeText(page, '您好！我是园区');
  });
  afterAll(async () => {
    await page?.screenshot({ path: path.join(OUTPUT_DIR, `chat-${name}.png`) });
    await browser?.close();
  });

  test('welcome, Q&A, activity list and details: line breaks show, nothing overflows', async () => {
    await check('welcome');
    await send(page, '深度诊断收费吗', '免费');
    await check('Q&A');
    await send(page, '最近有什么活动', '更多活动');
    await check('activity list');
    const lead = await bubbleText(page, '点击“报名：活动名称”');
    expect(lead).toContain('共 4 项');
    // Card buttons show the whole activity name (wrapped, not cut short with an ellipsis).
    const buttons = await page.evaluate(() => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.ac-pushButton')).filter((b) => b.getBoundingClientRect().width > 0);
      const cut = shown
        .flatMap((b) => [b, ...Array.from(b.querySelectorAll<HTMLElement>('*'))])
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis')
        .map((e) => e.textContent ?? '');
      return { count: shown.length, cut };
    });
    expect(buttons.count).toBeGreaterThan(0);
    expect(buttons.cut).toEqual([]);
    await send(page, `详情：${SALON}`, '类型：企业沙龙');
    const details = await bubbleText(page, '类型：企业沙龙');
    expect(details).toMatch(/「[^」]+」\s*\n类型：企业沙龙\s*\n时间：/);
    await check('details');
    expect(problems).toEqual([]);
  });

  test('sign-up (summary with line breaks) and advisor: nothing overflows', async () => {
    await send(page, `报名：${SALON}`, '个人信息告知');
    const notice = await bubbleText(page, '个人信息告知');
    expect(notice).toMatch(/报名前请阅读：[^\n]*\n\s*(1\.\s*)?收集方/);
    expect(notice).toMatch(/。\s*\n\s*(2\.\s*)?收集内容/);
    await check('consent');
    await send(page, '同意', '企业全称');
    await send(page, '苏州测试科技有限公司', '信用代码');
    await send(page, bot.nextCode(), '联系人姓名');
    await send(page, '王明', '手机号');
    await send(page, '13912345678', '参会人数');
    await check('sign-up fields');
    await send(page, '2', '请核对报名信息');
    const summary = await bubbleText(page, '企业名称：苏州测试科技有限公司');
    expect(summary).toMatch(/企业名称：苏州测试科技有限公司\s*\n\s*信用代码：/);
    await check('summary');
    await send(page, '确认提交', '报名成功');
    await check('confirmation');
    await send(page, '我们属于哪一类', '获得过哪一级');
    await check('advisor question');
    await send(page, '省级', '属于一类');
    await check('advisor answer');
    expect(problems).toEqual([]);
  });

  test('«新对话» gives a new conversation id and an empty history', async () => {
    const before = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.conversationId as string | undefined, SESSION_KEY);
    expect(before).toBeTruthy();
    await page.getByRole('button', { name: '新对话' }).click();
    await page.waitForLoadState('load');
    await seeText(page, '您好！我是园区');
    await page.waitForFunction(
      ([key, old]) => {
        const id = JSON.parse(localStorage.getItem(key) ?? 'null')?.conversationId;
        return Boolean(id) && id !== old;
      },
      [SESSION_KEY, before] as const,
      { timeout: WAIT_MS },
    );
    // Give a resumed history the time to arrive, were it to come.
    await page.waitForTimeout(1000);
    expect(await page.getByText('苏州测试科技有限公司').count()).toBe(0);
    expect(await page.getByText('深度诊断收费吗').count()).toBe(0);
    // A reload keeps the new conversation (the old one does not come back).
    await page.reload();
    await seeText(page, '您好！我是园区');
    await page.waitForTimeout(1000);
    expect(await page.getByText('苏州测试科技有限公司').count()).toBe(0);
  });
});
