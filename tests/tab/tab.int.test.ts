import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../../scripts/build-tab.js';
import { SAMPLE_PROGRAMME_ID } from '../support/sample-plan.js';
import { createSampleDashboard } from './sample-dashboard.js';
import type { RunningTabServer } from './tab-server.js';
import { startTabServer } from './tab-server.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
}

describe('the dashboard tab in a browser (local use, no sign-in)', () => {
  let tab: RunningTabServer;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: run scripts/setup.sh (it installs Debian's chromium).`,
      );
    }
    await buildTab();
    const { dashboard, exports, store } = await createSampleDashboard();
    tab = await startTabServer({ dashboard, exports, people: store.people });
    profile = await mkdtemp(join(tmpdir(), 'tab-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${tab.url}/tab?programme=${SAMPLE_PROGRAMME_ID}`);
    await page.locator('#grid').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await tab?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const refs = () =>
    page
      .locator('#grid tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
  const showing = (text: string) => page.locator('#status', { hasText: text }).waitFor();
  const cell = (ref: string, period: string) =>
    page
      .locator(`#grid tbody tr[data-ref="${ref}"] td`)
      .nth(
        1 +
          ['Oct 2019', 'Jan 2020', 'Apr 2020', 'Jul 2020', 'Oct 2020', 'Jan 2021'].indexOf(period),
      );

  it('shows the sample plan as a grid of actions by period, each rating as a word', async () => {
    await showing('all 12 actions');
    expect(await refs()).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
      'C1',
      'C2',
    ]);
    const headers = await page.locator('#grid thead th[scope="col"]').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Action', 'Owner', 'Jan 2020', 'Jan 2021']));
    expect(await page.locator('#grid tbody th[scope="row"]').count()).toBe(12);
    expect(await cell('A5', 'Jan 2020').textContent()).toBe('Red');
    expect(await cell('A5', 'Jan 2021').textContent()).toBe('Green');
    expect(await cell('A3', 'Jan 2021').textContent()).toBe('Blue');
    expect(await cell('A3', 'Oct 2019').textContent()).toBe('Not yet rated');
    // The colour is a swatch beside the word; the word is in the page's own text colour.
    const colours = await cell('A5', 'Jan 2020').evaluate((td) => ({
      text: getComputedStyle(td).color,
      swatch: getComputedStyle(td.querySelector('.swatch') ?? td).backgroundColor,
    }));
    expect(colours.text).toBe('rgb(31, 41, 55)');
    expect(colours.swatch).not.toBe(colours.text);
    await expect
      .poll(() => page.locator('a', { hasText: 'full report' }).getAttribute('href'))
      .toBe('/report/wsoa');
  });

  it('shows each action’s steps done and which are late, as the status cards do', async () => {
    const steps = (ref: string) => page.locator(`#grid tbody tr[data-ref="${ref}"] th .steps`);
    expect(await steps('A2').textContent()).toBe('3 of 9 steps done · late: h), i)');
    const late = steps('A2').locator('.late-steps');
    expect(await late.getAttribute('title')).toContain(
      'i) Create new career action plans appropriate to different year groups (due 30 Sept 2019)',
    );
    // Done steps are never late: A2's a), b) and g) were due earlier but are ticked.
    expect(await steps('B1').textContent()).toBe('0 of 3 steps done · late: a), b), c)');
    expect(await page.locator('#grid tbody th .steps').count()).toBe(12);
  });

  it('filters by workstream, by latest rating and by owner', async () => {
    await page.getByLabel('Workstream').selectOption('B');
    await showing('5 of 12 actions');
    expect(await refs()).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);

    await page.getByLabel('Workstream').selectOption('');
    await page.getByLabel('Latest rating').selectOption('Blue');
    await showing('2 of 12 actions');
    expect(await refs()).toEqual(['A3', 'A4']);

    await page.getByLabel('Latest rating').selectOption('');
    await showing('all 12 actions');
    await page.getByLabel('Owner').selectOption('ADES');
    // "of 12 actions" alone would also match the Blue choice still drawn while ADES loads.
    const owners = () => page.locator('#grid tbody tr td:first-of-type').allTextContents();
    await expect.poll(async () => new Set(await owners())).toEqual(new Set(['ADES']));
    const shown = (await owners()).length;
    expect(shown).toBeLessThan(12);
    await showing(`${shown} of 12 actions`);

    await page.getByLabel('Owner').selectOption('');
    await showing('all 12 actions');
  });

  it('keeps the last choice drawn when an earlier one is answered after it', async () => {
    await showing('all 12 actions');
    // The answer for workstream A alone is held back until A and Blue have been drawn.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const aAlone = (url: URL) =>
      url.pathname.endsWith('/dashboard') &&
      url.searchParams.get('workstream') === 'A' &&
      !url.searchParams.get('rating');
    await page.route(aAlone, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Workstream').selectOption('A');
    await page.getByLabel('Latest rating').selectOption('Blue');
    await showing('2 of 12 actions');
    const late = page.waitForResponse((response) => aAlone(new URL(response.url())));
    release();
    await late;
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await refs()).toEqual(['A3', 'A4']);
    expect(await page.locator('#status').textContent()).toContain('2 of 12 actions');
    await page.unroute(aAlone);
    await page.getByLabel('Workstream').selectOption('');
    await showing('2 of 12 actions');
    await page.getByLabel('Latest rating').selectOption('');
    await showing('all 12 actions');
  });

  it('shows each measure in words beside its chart: latest, baseline, target, direction, track', async () => {
    await showing('all 12 actions');
    expect(await page.locator('#measures-heading').textContent()).toBe('Measures (4; 1 off track)');
    const ehc = page.locator('#measure-EHC20');
    expect(await ehc.locator('h3').textContent()).toBe(
      'EHC20 · New EHC plans finalised within 20 weeks',
    );
    expect(await ehc.locator('.measure-facts li').allTextContents()).toEqual([
      'Latest: 75.9% in Jan 2021',
      'Improving since Oct 2020 (72%)',
      'Target 90% by 23 Jul 2021',
      'Baseline 70% (25 Oct 2019)',
      'Comparators: England 60% (2020); statistical neighbours and East of England 65% (2020)',
      'Off track',
    ]);
    expect(await page.locator('#measure-NEET1618 .track').textContent()).toBe('On track');
    // The track's colour is a swatch beside the word, never the word's only sign.
    const swatch = await ehc
      .locator('.track .swatch')
      .evaluate((s) => getComputedStyle(s).backgroundColor);
    expect(swatch).toBe('rgb(224, 62, 62)');
    expect(await page.locator('#measure-SINTERN .measure-facts li').allTextContents()).toEqual([
      'Latest: no value yet',
      'No target set',
      'Baseline 24 (17 Jan 2019)',
    ]);
  });

  it('draws each measure’s values over time with its target and comparators, the figures in words', async () => {
    const image = page.locator('#measure-EHC20 .measure-chart img');
    const drawn = await image.evaluate((img: HTMLImageElement) => ({
      loaded: img.complete && img.naturalWidth > 0,
      src: decodeURIComponent(img.src.slice(img.src.indexOf(',') + 1)),
      alt: img.alt,
    }));
    expect(drawn.loaded).toBe(true);
    // The digest's own drawing: the line of values, the target dashed, comparators dotted,
    // each line named at its end.
    expect(drawn.src).toContain('stroke-dasharray="6 3"');
    expect(drawn.src).toContain('stroke-dasharray="2 3"');
    for (const label of ['Target 90%', 'England 60%', '72%', '75.9%', 'Oct 2020', 'Jan 2021']) {
      expect(drawn.src).toContain(`>${label}</text>`);
    }
    expect(drawn.alt).toBe(
      'EHC20 (New EHC plans finalised within 20 weeks): Oct 2020 72%, Jan 2021 75.9%. ' +
        'Higher is better. Baseline 70% (25 Oct 2019). Target 90% by 23 Jul 2021. ' +
        'Comparators: England 60% (2020); statistical neighbours and East of England 65% (2020). ' +
        'Improving since Oct 2020 (72%). Off track.',
    );
    await page.locator('#measure-EHC20 summary').click();
    expect(await page.locator('#measure-EHC20 details p').textContent()).toBe(drawn.alt);
    // Measures with no value yet have no chart: an empty picture says nothing.
    expect(await page.locator('.measure-chart img').count()).toBe(2);
    expect(await page.locator('#measure-SINTERN').textContent()).toContain(
      'No chart until a value is recorded.',
    );
  });

  it('shows the measures of the workstream being viewed', async () => {
    await page.getByLabel('Workstream').selectOption('A');
    await showing('5 of 12 actions');
    expect(await page.locator('#measures-heading').textContent()).toBe('Measures (4; 1 off track)');
    await page.getByLabel('Workstream').selectOption('B');
    // A has five actions too, so "5 of 12" does not say B is drawn yet: wait for B's own.
    await expect.poll(refs).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    await expect
      .poll(() => page.locator('#measures').textContent())
      .toContain('Workstream B has no measures.');
    expect(await page.locator('.measure').count()).toBe(0);
    await page.getByLabel('Workstream').selectOption('');
    await showing('all 12 actions');
    expect(await page.locator('.measure').count()).toBe(4);
  });

  it('downloads the board pack from the export link', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /board pack/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^wsoa-board-pack.*\.xlsx$/);
  });

  it('draws the trend chart with the counts in words for screen readers', async () => {
    const description = await page.locator('#trend-desc').textContent();
    expect(description).toContain('Jan 2021: Blue 2, Green 3, Amber 7, Red 0');
    expect(await page.locator('.trend svg rect').count()).toBeGreaterThan(0);
  });

  it('has no serious or critical accessibility problems, and keeps a screenshot', async () => {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run(),
    );
    const serious = result.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/tab.png', fullPage: true });
    await page.locator('#measures').screenshot({ path: 'test-results/tab-measures.png' });
    expect(pageErrors).toEqual([]);
  });

  it('asks people to open it in Teams when the service requires sign-in', async () => {
    const { dashboard, store } = await createSampleDashboard();
    const signedIn = await startTabServer({
      dashboard,
      people: store.people,
      auth: { appId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', allowedTenants: [] },
    });
    try {
      const other = await browser.newPage();
      await other.goto(`${signedIn.url}/tab`);
      await other.locator('#status', { hasText: 'Microsoft Teams' }).waitFor();
      expect(await other.locator('#status').textContent()).toBe(
        'Open this dashboard from the Action Tracker app in Microsoft Teams.',
      );
      expect(await other.locator('#grid').count()).toBe(0);
      await other.close();
    } finally {
      await signedIn.close();
    }
  });

  it('fits a phone screen: the page does not scroll sideways, only the grid does', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.getByLabel('Workstream').isVisible()).toBe(true);
    // Newest period first, beside the action, and a sign that the grid scrolls sideways.
    await page.locator('#scroll-hint').waitFor();
    expect(await page.locator('#scroll-hint').textContent()).toContain('Swipe the grid sideways');
    const headers = await page.locator('#grid thead th[scope="col"]').allTextContents();
    expect(headers.slice(0, 4)).toEqual(['Action', 'Owner', 'Jul 2021', 'Apr 2021']);
    expect(headers.at(-1)).toBe('Oct 2019');
    // Steps stay with their action, inside the first column and on the screen.
    const a2Steps = page.locator('#grid tbody tr[data-ref="A2"] th .steps');
    expect(await a2Steps.isVisible()).toBe(true);
    const box = await a2Steps.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    expect(await a2Steps.textContent()).toContain('late: h), i)');
    const a5 = await page.locator('#grid tbody tr[data-ref="A5"] td').allTextContents();
    expect(a5.indexOf('Green')).toBeLessThan(a5.indexOf('Red'));
    // Each measure's chart fits the phone's width, its labels still drawn at a legible size.
    for (const box of await page
      .locator('.measure-chart img')
      .evaluateAll((images) => images.map((i) => i.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(375);
      expect(box.width).toBeGreaterThan(300);
    }
    await page.locator('#measures').screenshot({ path: 'test-results/tab-measures-phone.png' });
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/tab-phone.png', fullPage: true });
  });
});
