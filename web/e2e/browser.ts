import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ARTIFACTS_DIR = path.resolve(__dirname, 'artifacts');

/** A headless Chromium with a throwaway profile, plus what the page reported. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

/** Launches Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) with a fresh user-data dir. */
export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'muse-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const problems: string[] = [];
  // The CSP can block code without any console message; report each violation explicitly.
  await context.exposeBinding('__museReportCsp', (_source, text: string) => {
    problems.push(`csp: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __museReportCsp?: (text: string) => void }).__museReportCsp;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under e2e/artifacts/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

/**
 * Runs one named step; on failure saves a screenshot named after it and rethrows with the
 * step's name (and `context()`, e.g. the server's state), so a red test says where it broke.
 */
export async function step<T>(page: Page, name: string, work: () => Promise<T>, context?: () => string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const file = await saveScreenshot(page, `failed-${name}`);
    const message = error instanceof Error ? error.message : String(error);
    const extra = context?.() ?? '';
    throw new Error(`Step "${name}" failed (screenshot: ${file}):\n${message}${extra ? `\n${extra}` : ''}`, { cause: error });
  }
}

/**
 * Waits until `locator` matches exactly `expected` elements (a list that renders after its
 * heading, or shrinks after an action), failing with the last count seen after `timeoutMs`.
 */
export async function waitForCount(locator: Locator, expected: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== expected) {
    if (Date.now() > deadline) throw new Error(`expected ${expected} matching elements, found ${seen} after ${timeoutMs} ms`);
    await locator.page().waitForTimeout(100);
    seen = await locator.count();
  }
}
