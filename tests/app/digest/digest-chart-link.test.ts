import { beforeAll, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../../src/app/digest/digest.use-case.js';
import type { DigestRequest } from '../../../src/app/digest/digest.use-case.js';
import type { BuiltDigest } from '../../../src/app/digest/build-digest.js';
import { digestMessageOf, type DigestMessage } from '../../../src/bot/digest-message.js';
import { drawDigestChart } from '../../../src/render/chart/digest-chart.js';
import { drawMeasureChart } from '../../../src/render/chart/measure-chart-image.js';
import { DIGEST_CARD_BUDGET_BYTES } from '../../../src/cards/digest/digest-card.js';
import { createReportLinks } from '../../../src/app/digest/report-link.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { loadSamplePlan } from '../../support/sample-plan.js';
import { generateProgramme } from './generated-programme.js';
import { readPngHeader } from './png-header.js';
import { sampleWithTargets } from './sample-with-targets.js';

const BASE_URL = 'https://tracker.example.org';
const SECRET = 'board-secret';

async function builtOf(store: Store, now: string, request: DigestRequest): Promise<BuiltDigest> {
  const result = await createDigestUseCase({
    ...store,
    clock: { now: () => new Date(now) },
    publicBaseUrl: BASE_URL,
    reportLinkSecret: SECRET,
  }).build(request);
  if (!result.ok) throw new Error(`Expected a digest, got ${result.code}`);
  return result.value;
}

async function digestOf(store: Store, now: string, request: DigestRequest): Promise<DigestMessage> {
  return digestMessageOf(await builtOf(store, now, request));
}

/** The card's charts, as Teams reads them: the images with words (a swatch has none). */
function imagesOf(digest: DigestMessage): { url: string; altText: string }[] {
  const images: { url: string; altText: string }[] = [];
  JSON.stringify(digest.card.content, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && 'type' in value && value.type === 'Image') {
      const { url, altText } = value as Partial<Record<'url' | 'altText', unknown>>;
      if (altText !== '') images.push({ url: String(url), altText: String(altText) });
    }
    return value;
  });
  return images;
}

/** The ratings chart's image (the sample's measures chart comes after it). */
function imageOf(digest: DigestMessage): { url: string; altText: string } {
  const images = imagesOf(digest).filter((image) => !image.url.includes('/measures.png?'));
  expect(images).toHaveLength(1);
  return images[0] ?? { url: '', altText: '' };
}

function wholeCardBytes(digest: DigestMessage): number {
  return Buffer.byteLength(JSON.stringify(digest.card.content), 'utf8');
}

function checkChartLink(url: string, now: string) {
  const links = createReportLinks({
    publicBaseUrl: BASE_URL,
    secret: SECRET,
    clock: { now: () => new Date(now) },
  });
  const parsed = new URL(url);
  const programmeId = decodeURIComponent(parsed.pathname.split('/')[2] ?? '');
  const query = (name: string) => parsed.searchParams.get(name) ?? undefined;
  return links.checkChart(programmeId, {
    period: query('period'),
    workstream: query('workstream'),
    expires: query('expires'),
    sig: query('sig'),
  });
}

describe('digest chart, in a deployment with a public address', () => {
  const NOW = '2021-01-25T09:00:00Z';
  let store: Store;
  beforeAll(async () => {
    store = createMemoryStore();
    const plan = loadSamplePlan();
    await store.plans.replace({ ...plan, ratings: plan.updates });
  });

  it('shows the chart from a signed https address on this service, not a data URI', async () => {
    const digest = await digestOf(store, NOW, { programmeId: 'wsoa' });
    const image = imageOf(digest);
    expect(image.url).toMatch(
      /^https:\/\/tracker\.example\.org\/report\/wsoa\/chart\.png\?period=Jan%202021&expires=\d+&sig=[\w-]+$/,
    );
    expect(checkChartLink(image.url, NOW)).toBe('valid');
    // Only the ratings' swatches travel in the card; the chart comes from the address.
    expect(JSON.stringify(digest.card.content)).not.toMatch(
      /"url":"data:image[^"]*","altText":"[^"]/,
    );
  });

  it('keeps the alt text with every number and the pixel size of the picture served', async () => {
    const built = await builtOf(store, NOW, { programmeId: 'wsoa' });
    const digest = digestMessageOf(built);
    // Linked, nothing is drawn here; the picture served is drawn from the same data.
    expect(digest.chart.png).toBeNull();
    const { width, height } = readPngHeader(drawDigestChart(built.chart).png);
    expect(imageOf(digest).altText).toBe(digest.chart.altText);
    expect(digest.chart.altText).toContain(`Chart, ${width} by ${height} pixels.`);
    expect(digest.chart.altText).toContain('Ratings by workstream:');
  });

  it('fits the whole card, everything in it, under 28 KB for the sample', async () => {
    const digest = await digestOf(store, NOW, { programmeId: 'wsoa' });
    expect(wholeCardBytes(digest)).toBeLessThan(DIGEST_CARD_BUDGET_BYTES);
    expect(digest.size).toBe(wholeCardBytes(digest));
    expect(digest.summarised).toBe(false);
  });

  it('signs a workstream digest’s chart for that workstream only', async () => {
    const digest = await digestOf(store, NOW, { programmeId: 'wsoa', workstream: 'b' });
    const url = imageOf(digest).url;
    expect(url).toContain('/report/wsoa/chart.png?period=Jan%202021&workstream=B&');
    expect(checkChartLink(url, NOW)).toBe('valid');
    expect(checkChartLink(url.replace('workstream=B', 'workstream=A'), NOW)).toBe('invalid');
  });
});

describe('digest chart for a generated programme of 500 actions, with a public address', () => {
  it('fits the whole summarised card under 28 KB and links the chart and the full report', async () => {
    const store = createMemoryStore();
    await store.plans.replace(generateProgramme({ actions: 500 }));
    const digest = await digestOf(store, '2021-08-02T09:00:00Z', { programmeId: 'big' });
    expect(digest.summarised).toBe(true);
    expect(wholeCardBytes(digest)).toBeLessThan(DIGEST_CARD_BUDGET_BYTES);
    expect(imageOf(digest).url).toMatch(
      /^https:\/\/tracker\.example\.org\/report\/big\/chart\.png\?/,
    );
    expect(digest.reportUrl).toMatch(/^https:\/\/tracker\.example\.org\/report\/big\?period=/);
  });
});

describe('measures chart, in a deployment with a public address', () => {
  const NOW = '2021-01-25T09:00:00Z';
  let store: Store;
  beforeAll(async () => {
    store = createMemoryStore();
    await sampleWithTargets(store);
  });

  function checkMeasureLink(url: string) {
    const links = createReportLinks({
      publicBaseUrl: BASE_URL,
      secret: SECRET,
      clock: { now: () => new Date(NOW) },
    });
    const parsed = new URL(url);
    const query = (name: string) => parsed.searchParams.get(name) ?? undefined;
    const asked = {
      period: query('period'),
      workstream: query('workstream'),
      expires: query('expires'),
      sig: query('sig'),
    };
    return {
      measures: links.checkMeasureChart('wsoa', asked),
      ratings: links.checkChart('wsoa', asked),
    };
  }

  it('links the measures chart by its own signed address, drawing nothing in the message', async () => {
    const built = await builtOf(store, NOW, { programmeId: 'wsoa' });
    const digest = digestMessageOf(built);
    const [ratings, measures] = imagesOf(digest);
    expect(ratings?.url).toContain('/report/wsoa/chart.png?');
    expect(measures?.url).toMatch(
      /^https:\/\/tracker\.example\.org\/report\/wsoa\/measures\.png\?period=Jan%202021&expires=\d+&sig=[\w-]+$/,
    );
    // A measures link opens the measures chart only: it is no key to the ratings chart.
    expect(checkMeasureLink(measures?.url ?? '')).toEqual({
      measures: 'valid',
      ratings: 'invalid',
    });
    expect(digest.measureChart?.png).toBeNull();
    expect(digest.measureChart?.codes).toEqual(['EHC20', 'NEET1618']);
    // The words say the size of the picture the route will serve, and every figure.
    const served = drawMeasureChart(built.measures?.standings ?? []);
    expect(measures?.altText).toBe(served?.altText);
    expect(measures?.altText).toContain(
      'EHC20 (New EHC plans finalised within 20 weeks): Oct 2020 72%, Jan 2021 75.9%.',
    );
    expect(wholeCardBytes(digest)).toBeLessThan(DIGEST_CARD_BUDGET_BYTES);
  });

  it('signs a workstream digest’s measures chart for that workstream', async () => {
    const digest = await digestOf(store, NOW, { programmeId: 'wsoa', workstream: 'A' });
    const measures = imagesOf(digest)[1];
    expect(measures?.url).toContain('/report/wsoa/measures.png?period=Jan%202021&workstream=A&');
    expect(checkMeasureLink(measures?.url ?? '').measures).toBe('valid');
    expect(
      checkMeasureLink((measures?.url ?? '').replace('workstream=A', 'workstream=B')).measures,
    ).toBe('invalid');
  });
});
