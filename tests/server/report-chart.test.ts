import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../src/app/digest/digest.use-case.js';
import { digestMessageOf, type DigestMessage } from '../../src/bot/digest-message.js';
import { createReportLinks } from '../../src/app/digest/report-link.js';
import { readPngHeader } from '../app/digest/png-header.js';
import type { RunningReportServer } from './report-server.js';
import { startReportServer } from './report-server.js';

const NOW = '2021-01-25T09:00:00Z';
const BASE_URL = 'https://tracker.example.org';
const SECRET = 'board-secret';

/** The Image element's address and alt text in a digest card. */
function imageOf(digest: DigestMessage): { url: string; altText: string } {
  const match = /\{"type":"Image","url":"([^"]+)","altText":"([^"]+)"/.exec(
    JSON.stringify(digest.card.content),
  );
  return { url: match?.[1] ?? '', altText: match?.[2] ?? '' };
}

describe('the digest chart over HTTP, behind signed links', () => {
  const clock = { now: () => new Date(NOW) };
  let server: RunningReportServer;
  let digest: DigestMessage;
  beforeAll(async () => {
    server = await startReportServer(
      NOW,
      createReportLinks({ publicBaseUrl: BASE_URL, secret: SECRET, clock }),
    );
    const result = await createDigestUseCase({
      ...server.store,
      clock,
      publicBaseUrl: BASE_URL,
      reportLinkSecret: SECRET,
    }).build({ programmeId: 'wsoa' });
    if (!result.ok) throw new Error(`Expected a digest, got ${result.code}`);
    digest = digestMessageOf(result.value);
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
    expect(png.equals(digest.chart.png)).toBe(true);
  });

  it('may be cached for an hour, cannot be sniffed as anything else, and runs nothing', async () => {
    const response = await fetch(local(imageOf(digest).url));
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-length')).toBe(String(digest.chart.png.length));
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
    expect(Buffer.from(await response.arrayBuffer()).equals(message.chart.png)).toBe(true);
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

  it('answers 404 in plain words for an unknown programme, period or workstream', async () => {
    for (const [path, words] of [
      ['/report/nope/chart.png', 'There is no programme "nope".'],
      ['/report/wsoa/chart.png?period=Dec%202030', 'has no period "Dec 2030"'],
      ['/report/wsoa/chart.png?workstream=EHC', 'has no workstream "EHC"'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain(words);
    }
  });
});
