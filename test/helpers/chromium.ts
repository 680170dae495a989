import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out on this closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Generous: the first Web Chat bubble waits for a cold bundle load, and CI runs two browsers beside
// two database projects on two cores. A wait is a bound, not a timing check.
export const WAIT_MS = 45000;
export const OUTPUT_DIR = path.join(__dirname, '..', '..', 'test-output');

export interface HeadlessBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile; fails (never skips) when Chromium is missing. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<HeadlessBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is required at ${CHROMIUM} for the browser tests: apt-get install -y chromium fonts-wqy-microhei`);
  }
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page shows `text` somewhere (Web Chat renders bubbles asynchronously). */
export async function seeText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).last().waitFor({ state: 'visible', timeout: WAIT_MS });
}
