import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningReportServer } from './report-server.js';
import { startReportServer } from './report-server.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string }[];
}

describe('the full report in a browser', () => {
  let server: RunningReportServer;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startReportServer('2021-01-25T09:00:00Z');
    profile = await mkdtemp(join(tmpdir(), 'report-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      // The page forbids every script; axe is a test tool, let in past the policy.
      bypassCSP: true,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.url}/report/wsoa?period=Jan%202021`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('has no accessibility problems that axe can find', async () => {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run(),
    );
    expect(result.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help}`)).toEqual([]);
  });

  it('shows the charts it embeds: the ratings, then the measures', async () => {
    const sizes = await page
      .locator('img.chart')
      .evaluateAll((imgs) =>
        imgs.map((img) => [
          (img as HTMLImageElement).naturalWidth,
          (img as HTMLImageElement).naturalHeight,
        ]),
      );
    expect(sizes).toHaveLength(2);
    expect(sizes[0]?.[0]).toBe(420);
    expect(sizes[0]?.[1]).toBeGreaterThan(100);
    expect(sizes[1]?.[0]).toBe(360);
    expect(sizes[1]?.[1]).toBeGreaterThan(100);
  });

  it.each([1280, 375])(
    'fits a %i px screen: only the BRAG grid scrolls sideways',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    },
  );

  it('prints on landscape pages with the rating colours kept', async () => {
    await page.emulateMedia({ media: 'print' });
    const nav = await page.locator('nav').evaluate((el) => getComputedStyle(el).display);
    expect(nav).toBe('none');
    // The palette's Red as a swatch before the word, the word in the text colour.
    const red = await page
      .locator('td.rating-red')
      .first()
      .evaluate((el) => [
        getComputedStyle(el, '::before').backgroundColor,
        getComputedStyle(el).color,
      ]);
    expect(red).toEqual(['rgb(224, 62, 62)', 'rgb(17, 24, 39)']);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
