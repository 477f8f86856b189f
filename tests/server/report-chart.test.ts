import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../src/app/digest/digest.use-case.js';
import type { BuiltDigest } from '../../src/app/digest/build-digest.js';
import { digestMessageOf, type DigestMessage } from '../../src/bot/digest-message.js';
import { drawDigestChart } from '../../src/render/chart/digest-chart.js';
import { drawMeasureChart } from '../../src/render/chart/measure-chart-image.js';
import { sampleWithTargets } from '../app/digest/sample-with-targets.js';
import { createReportLinks } from '../../src/app/digest/report-link.js';
import { readPngHeader } from '../app/digest/png-header.js';
import type { RunningReportServer } from './report-server.js';
import { startReportServer } from './report-server.js';

const NOW = '2021-01-25T09:00:00Z';
const BASE_URL = 'https://tracker.example.org';
const SECRET = 'board-secret';

/** The Image elements' addresses and alt texts in a digest card: the ratings chart first. */
function imagesOf(digest: DigestMessage): { url: string; altText: string }[] {
  const found = /\{"type":"Image","url":"([^"]+)","altText":"([^"]+)"/g;
  return [...JSON.stringify(digest.card.content).matchAll(found)].map((match) => ({
    url: match[1] ?? '',
    altText: match[2] ?? '',
  }));
}

function imageOf(digest: DigestMessage): { url: string; altText: string } {
  return imagesOf(digest)[0] ?? { url: '', altText: '' };
}

/** The measures chart's Image element. */
function measuresImageOf(digest: DigestMessage): { url: string; altText: string } {
  const image = imagesOf(digest).find((i) => i.url.includes('/measures.png?'));
  expect(image).toBeDefined();
  return image ?? { url: '', altText: '' };
}

describe('the digest chart over HTTP, behind signed links', () => {
  const clock = { now: () => new Date(NOW) };
  let server: RunningReportServer;
  let built: BuiltDigest;
  let digest: DigestMessage;
  /** The ratings chart as the chart route draws it for this digest. */
  let drawn: Buffer;
  beforeAll(async () => {
    server = await startReportServer(
      NOW,
      createReportLinks({ publicBaseUrl: BASE_URL, secret: SECRET, clock }),
      sampleWithTargets,
    );
    const result = await createDigestUseCase({
      ...server.store,
      clock,
      publicBaseUrl: BASE_URL,
      reportLinkSecret: SECRET,
    }).build({ programmeId: 'wsoa' });
    if (!result.ok) throw new Error(`Expected a digest, got ${result.code}`);
    built = result.value;
    digest = digestMessageOf(built);
    drawn = drawDigestChart(built.chart).png;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The public address a card carries, sent to the test server instead. */
  function local(url: string | null): string {
    const parsed = new URL(url ?? '');
    expect(parsed.origin).toBe(BASE_URL);
    return `${server.url}${parsed.pathname}${parsed.search}`;
  }

  it('serves the PNG the card points at, at the size its alt text states', async () => {
    const image = imageOf(digest);
    const response = await fetch(local(image.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    const { width, height } = readPngHeader(png);
    expect(image.altText).toContain(`Chart, ${width} by ${height} pixels.`);
    expect(png.equals(drawn)).toBe(true);
  });

  it('may be cached for an hour, cannot be sniffed as anything else, and runs nothing', async () => {
    const response = await fetch(local(imageOf(digest).url));
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-length')).toBe(String(drawn.length));
  });

  it('serves a workstream digest’s chart drawn for that workstream', async () => {
    const result = await createDigestUseCase({
      ...server.store,
      clock,
      publicBaseUrl: BASE_URL,
      reportLinkSecret: SECRET,
    }).build({ programmeId: 'wsoa', workstream: 'B' });
    if (!result.ok) throw new Error(`Expected a digest, got ${result.code}`);
    const message = digestMessageOf(result.value);
    const response = await fetch(local(imageOf(message).url));
    expect(response.status).toBe(200);
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(drawDigestChart(result.value.chart).png)).toBe(true);
  });

  it('refuses a tampered signature, period or workstream with 403 and says what to do', async () => {
    const url = local(imageOf(digest).url);
    const tampered = url.replace(/sig=[\w-]{4}/, 'sig=AAAA');
    const refused = await fetch(tampered);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await refused.text()).toContain('type /digest for a fresh one');
    expect((await fetch(url.replace('Jan%202021', 'Oct%202020'))).status).toBe(403);
    expect((await fetch(url.replace('?period=', '?workstream=A&period='))).status).toBe(403);
    expect((await fetch(`${server.url}/report/wsoa/chart.png?period=Jan%202021`)).status).toBe(403);
  });

  it('serves the measures chart the card links, at the size and with the figures its words state', async () => {
    const image = measuresImageOf(digest);
    const response = await fetch(local(image.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const png = Buffer.from(await response.arrayBuffer());
    const { width, height } = readPngHeader(png);
    expect(image.altText).toContain(`Chart of measures, ${width} by ${height} pixels.`);
    expect(image.altText).toContain(
      'EHC20 (New EHC plans finalised within 20 weeks): Oct 2020 72%, Jan 2021 75.9%.',
    );
    expect(
      png.equals(drawMeasureChart(built.measures?.standings ?? [])?.png ?? Buffer.alloc(0)),
    ).toBe(true);
  });

  it('refuses a measures link that is tampered with, or a ratings chart link used for it', async () => {
    const url = local(measuresImageOf(digest).url);
    const tampered = await fetch(url.replace(/sig=[\w-]{4}/, 'sig=AAAA'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain(
      "This link to the digest's measures chart is not complete or not valid.",
    );
    expect((await fetch(url.replace('Jan%202021', 'Oct%202020'))).status).toBe(403);
    expect((await fetch(`${server.url}/report/wsoa/measures.png?period=Jan%202021`)).status).toBe(
      403,
    );
    // Each link is signed for its own chart: the ratings chart's signature opens nothing else.
    const ratings = local(imageOf(digest).url).replace('/chart.png?', '/measures.png?');
    expect((await fetch(ratings)).status).toBe(403);
  });

  it('refuses an expired link with 403', async () => {
    const earlier = createReportLinks({
      publicBaseUrl: BASE_URL,
      secret: SECRET,
      clock: { now: () => new Date('2020-12-01T09:00:00Z') },
    });
    const response = await fetch(local(earlier.chartUrlFor('wsoa', 'Jan 2021')));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('has expired');
  });
});

describe('the digest chart over HTTP, in local use', () => {
  let server: RunningReportServer;
  beforeAll(async () => {
    server = await startReportServer(NOW);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 404 in plain words for an unknown programme, period or workstream, or no values', async () => {
    for (const [path, words] of [
      ['/report/nope/chart.png', 'There is no programme "nope".'],
      ['/report/wsoa/chart.png?period=Dec%202030', 'has no period "Dec 2030"'],
      ['/report/wsoa/chart.png?workstream=EHC', 'has no workstream "EHC"'],
      ['/report/nope/measures.png', 'There is no programme "nope".'],
      ['/report/wsoa/measures.png?workstream=EHC', 'has no workstream "EHC"'],
      // The sample's first values are for Jan 2021: there is nothing to draw before then.
      ['/report/wsoa/measures.png?period=Oct%202019', 'No measure of programme "wsoa" has a value'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain(words);
    }
  });
});
