import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from '@jest/globals';
import { launchBrowser, saveScreenshot, step as runStep, type TestBrowser } from './browser';
import type { MuseServer } from './harness';

/** Shared pieces of the browser journeys: browsers that log API answers, named steps, sign-up. */
export interface JourneyKit {
  /** Opens a browser whose API answers are kept for failure messages. */
  browser(width?: number): Promise<TestBrowser>;
  /** Runs a named step; on failure it saves a screenshot and adds the server's side of the story. */
  step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T>;
  /** Registers through the real form and waits for the signed-in home page. */
  register(page: Page, handle: string, displayName: string): Promise<void>;
  /** Closes every browser the kit opened. */
  closeBrowsers(): Promise<void>;
}

/** Builds the kit for one journey; `server` is read lazily because it starts in beforeAll. */
export function journeyKit(prefix: string, server: () => MuseServer): JourneyKit {
  const apiLog = new WeakMap<Page, string[]>();
  const opened: TestBrowser[] = [];
  return {
    async browser(width = 1280) {
      const launched = await launchBrowser({ width, height: 900 });
      const log: string[] = [];
      apiLog.set(launched.page, log);
      launched.page.on('response', (response) => {
        if (!response.url().includes('/api/')) return;
        void response
          .text()
          .catch(() => '')
          .then((text) => log.push(`${response.request().method()} ${response.url()} -> ${response.status()} ${text.slice(0, 300)}`));
      });
      opened.push(launched);
      return launched;
    },
    step(page, name, work) {
      return runStep(page, `${prefix}-${name}`, work, () =>
        [
          server().exitNote(),
          `API answers (latest):\n${(apiLog.get(page) ?? []).slice(-12).join('\n')}`,
          `Server output (tail):\n${server().output().slice(-3000)}`,
        ].join('\n'),
      );
    },
    async register(page, handle, displayName) {
      await page.goto(`${server().url}/register`);
      await page.getByLabel('Display name').fill(displayName);
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Email').fill(`${handle}@example.com`);
      await page.getByLabel('Password', { exact: true }).fill(`listening password ${handle}`);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL((url) => url.pathname === '/home');
    },
    async closeBrowsers() {
      while (opened.length > 0) await opened.pop()?.close();
    },
  };
}

/** Console messages a healthy page never logs; 4xx answers the UI handles are expected, not faults. */
export function seriousProblems(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|401|403|404|409|429)/.test(p));
}

/**
 * Runs axe on the page as it stands and fails, naming each rule and its first elements, when it
 * finds a serious or critical violation. The experimental label-content-name-mismatch rule is on
 * too: a control's accessible name must contain its visible label, or speech users cannot say it.
 */
export async function expectNoSeriousA11yViolations(page: Page, where = new URL(page.url()).pathname): Promise<void> {
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length === 0) return;
  const report = serious.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 3)
      .map((node) => `    ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`)
      .join('\n');
    return `  ${violation.id} (${violation.impact}, ${violation.nodes.length} element(s)): ${violation.help}\n${nodes}`;
  });
  throw new Error(`axe found ${serious.length} serious or critical accessibility violation(s) on ${where}:\n${report.join('\n')}`);
}

/** Screenshots the page at 1280 px and at 360 px, checking that nothing overflows sideways and axe finds nothing serious at either width. */
export async function shootBothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await settledAtWidth(page, width);
    await saveScreenshot(page, `${name}-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
    await expectNoSeriousA11yViolations(page, `${name} at ${width}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Resolves once the page has taken the new width, laid out and painted at it (two animation
 * frames), and finished its transitions: a button still fading in after a form reset would be
 * measured mid-fade by the contrast check. Endless animations (spinners) are not waited for.
 */
async function settledAtWidth(page: Page, width: number): Promise<void> {
  await page.waitForFunction((w) => window.innerWidth === w, width);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}
