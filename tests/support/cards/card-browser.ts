import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { RenderedCard } from '../../../src/cards/render-template.js';
import { probeCard, type ProbeResult } from './card-probe.js';
import { TEAMS_THEME_SETUP, type TeamsTheme } from './teams-host-configs.js';

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
  '--font-render-hinting=none',
  '--lang=en-GB',
];

const require = createRequire(import.meta.url);
const RENDERER_FOLDER = join(dirname(require.resolve('adaptivecards')), '..', 'dist');

/**
 * A page with Microsoft's Adaptive Cards renderer (npm `adaptivecards`) and its stylesheet.
 * Markdown is read as Teams reads it in cards: **bold**, _italic_ and [links](…).
 */
function pageHtml(): string {
  const script = readFileSync(join(RENDERER_FOLDER, 'adaptivecards.min.js'), 'utf8');
  const css = readFileSync(join(RENDERER_FOLDER, 'adaptivecards.css'), 'utf8');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${css}</style><style id="theme"></style>
<style>html, body { margin: 0; padding: 0; } #card { box-sizing: border-box; }</style>
<script>${script}</script>
<script>
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    result.outputHtml = escaped
      .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
      .replace(/(^|\\s)_(.+?)_(?=\\s|$)/g, '$1<em>$2</em>')
      .replace(/\\[([^\\]]+)\\]\\(([^)]+)\\)/g, '<a href="$2">$1</a>');
    result.didProcess = true;
  };
</script></head><body><div id="card"></div></body></html>`;
}

export interface CardRender {
  /** Contrast, clipping, sideways scroll and images, as measured in the page. */
  readonly result: ProbeResult;
  /** Where the screenshot of this drawing was kept. */
  readonly screenshot: string;
  /** Messages the renderer gave while parsing: unknown elements, bad properties. */
  readonly parseWarnings: readonly string[];
  /** The words on screen as the page lays them out (hidden elements left out). */
  readonly drawnText: string;
}

export interface CardBrowser {
  /** Draws `card` at `width` CSS pixels in `theme`, measures it, and keeps a screenshot. */
  render(card: Pick<RenderedCard, 'content'>, options: RenderOptions): Promise<CardRender>;
  close(): Promise<void>;
}

export interface RenderOptions {
  readonly theme: TeamsTheme;
  readonly width: number;
  /** Where the full-page screenshot goes (folders are made). */
  readonly screenshot: string;
}

/** Starts headless Debian Chromium with one page for drawing cards. */
export async function openCardBrowser(): Promise<CardBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: run scripts/setup.sh (it installs Debian's chromium).`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'cards-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 700, height: 800 },
      // Date inputs then read 30/09/2021, as a council officer's Teams shows them.
      locale: 'en-GB',
      // Nothing a card draws may come from the network.
      offline: true,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const browser = context;
  const page: Page = browser.pages()[0] ?? (await browser.newPage());
  await page.setContent(pageHtml());

  return {
    async render(card, options) {
      const setup = TEAMS_THEME_SETUP[options.theme];
      await page.setViewportSize({ width: options.width, height: 800 });
      const parseWarnings = await page.evaluate(
        ({ content, hostConfig, css, background }) => {
          document.body.style.background = background;
          const theme = document.getElementById('theme');
          if (theme) theme.textContent = css;
          const host = document.getElementById('card');
          if (!host) throw new Error('No #card in the page.');
          host.replaceChildren();
          const AC = (window as unknown as { AdaptiveCards: AdaptiveCardsGlobal }).AdaptiveCards;
          const adaptive = new AC.AdaptiveCard();
          adaptive.hostConfig = new AC.HostConfig(hostConfig);
          const context = new AC.SerializationContext();
          adaptive.parse(content, context);
          const rendered = adaptive.render();
          if (!rendered) throw new Error('The renderer drew nothing.');
          host.appendChild(rendered);
          return context.eventCount > 0
            ? Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)
            : [];
        },
        {
          content: card.content,
          hostConfig: setup.hostConfig,
          css: setup.css,
          background: setup.pageBackground,
        },
      );
      // Images are data URIs; wait until each has its size before measuring.
      await page.waitForFunction(() =>
        Array.from(document.images).every((image) => image.complete),
      );
      const result = await page.evaluate(probeCard, '#card');
      await mkdir(dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot, fullPage: true });
      const drawnText = await page.evaluate(() => document.getElementById('card')?.innerText ?? '');
      return { result, screenshot: options.screenshot, parseWarnings, drawnText };
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The part of the renderer's browser API this page uses. */
interface AdaptiveCardsGlobal {
  AdaptiveCard: new () => {
    hostConfig: unknown;
    parse(json: unknown, context: unknown): void;
    render(): HTMLElement | undefined;
  };
  HostConfig: new (json: unknown) => unknown;
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(index: number): { message: string };
  };
}
