import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportLinks } from '../../src/app/digest/report-link.js';
import { markup } from '../../src/server/report/html.js';
import type { RunningReportServer } from './report-server.js';
import { startReportServer } from './report-server.js';

describe('full report over HTTP', () => {
  let server: RunningReportServer;
  beforeAll(async () => {
    server = await startReportServer('2021-01-25T09:00:00Z');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function get(path: string) {
    const response = await fetch(`${server.url}${path}`);
    return { response, body: await response.text() };
  }

  it('serves a British English HTML page for the latest closed period', async () => {
    const { response, body } = await get('/report/wsoa');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toMatch(/^<!doctype html>\s*<html lang="en-GB">/);
    expect(body).toContain('<h1>Thurrock SEND Written Statement of Action: full report</h1>');
    expect(body).toContain('Period Jan 2021: closes 15 Jan 2021; board meets 27 Jan 2021.');
  });

  it('counts by rating in a real table with a caption and header cells', async () => {
    const { body } = await get('/report/wsoa?period=Jan%202021');
    expect(body).toContain(
      '<caption>Actions by rating in Jan 2021, with Oct 2020 beside them</caption>',
    );
    for (const [rating, now, before] of [
      ['Blue', 2, 0],
      ['Green', 3, 0],
      ['Amber', 7, 0],
      // A5's Red was January 2020's, not October's: counted as the chart counts October.
      ['Red', 0, 0],
      ['Not yet rated', 0, 12],
    ]) {
      expect(body).toContain(
        `<th scope="row" class="rating rating-${String(rating).toLowerCase().replace(/ /g, '-')}">${rating}</th><td>${now}</td><td>${before}</td>`,
      );
    }
    expect(body).toContain('A5 improved from Red to Green');
  });

  it('has one section per workstream with the actions by periods grid, ratings as words', async () => {
    const { body } = await get('/report/wsoa?period=Jan%202021');
    expect(body.match(/<section class="workstream"/g)).toHaveLength(3);
    expect(body).toContain("<caption>Workstream A: each action's rating by period</caption>");
    expect(body).toContain('<th scope="col">Oct 2019</th>');
    const a5 = /<tr><th scope="row">A5<\/th>.*?<\/tr>/.exec(body)?.[0] ?? '';
    const words = [...a5.matchAll(/<td class="rating [^"]+">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(words).toEqual([
      'Not yet rated',
      'Red',
      'Not yet rated',
      'Not yet rated',
      'Not yet rated',
      'Green',
      'Not yet rated',
      'Not yet rated',
    ]);
  });

  it('lists every measure in a table with its latest value, direction, target, comparators and track', async () => {
    const { body } = await get('/report/wsoa?period=Jan%202021');
    expect(body).toContain('<h2 id="measures">Measures (4; 0 off track)</h2>');
    expect(body).toContain(
      "<caption>Each measure's latest value as at Jan 2021, against its target and comparators</caption>",
    );
    expect(body).toContain(
      '<th scope="row">EHC20</th><td>New EHC plans finalised within 20 weeks</td><td>75.9% in Jan 2021</td><td>First value</td><td>No target set</td>',
    );
    expect(body).toContain(
      'England 60% (2020); statistical neighbours and East of England 65% (2020)',
    );
    expect(body).toMatch(
      /<th scope="row">APPREN<\/th>.*<td>No value yet<\/td>.*<td>None yet<\/td><\/tr>/,
    );
    // The chart's text alternative states its figures.
    expect(body).toMatch(
      /<img class="chart" src="data:image\/png;base64,[^"]+" width="360" height="\d+" alt="Chart of measures, 360 by \d+ pixels. EHC20 \(New EHC plans finalised within 20 weeks\): Jan 2021 75.9%./,
    );
  });

  it('shows owners’ notes and prints well', async () => {
    const { body } = await get('/report/wsoa?period=Jan%202021');
    expect(body).toContain("Owners' notes for Jan 2021, newest first (5)");
    expect(body).toContain('<blockquote>All action points a) to e) completed.');
    expect(body).toContain('@media print');
    expect(body).toContain('alt="Chart, 420 by');
  });

  it('escapes what people typed, so a note cannot add markup to the page', () => {
    const note = '<script>alert("x")</script> & more';
    expect(markup`<blockquote>${note}</blockquote>`.text).toBe(
      '<blockquote>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</blockquote>',
    );
  });

  it('answers 404 with plain words for an unknown programme or period', async () => {
    const programme = await get('/report/nope');
    expect(programme.response.status).toBe(404);
    expect(programme.body).toContain('There is no programme &quot;nope&quot;.');
    const period = await get('/report/wsoa?period=Dec%202030');
    expect(period.response.status).toBe(404);
    expect(period.body).toContain('has no period &quot;Dec 2030&quot;');
  });
});

describe('full report behind signed links', () => {
  const NOW = '2021-01-25T09:00:00Z';
  const links = createReportLinks({
    publicBaseUrl: 'https://tracker.example.org',
    secret: 'board-secret',
    clock: { now: () => new Date(NOW) },
  });
  let server: RunningReportServer;
  beforeAll(async () => {
    server = await startReportServer(NOW, links);
  });
  afterAll(async () => {
    await server?.close();
  });

  function local(url: string | null): string {
    const parsed = new URL(url ?? '');
    return `${server.url}${parsed.pathname}${parsed.search}`;
  }

  it('opens for the link a digest gives', async () => {
    const response = await fetch(local(links.urlFor('wsoa', 'Jan 2021')));
    expect(response.status).toBe(200);
  });

  it('refuses a guessed or altered address with 403 and says what to do', async () => {
    const guessed = await fetch(`${server.url}/report/wsoa`);
    expect(guessed.status).toBe(403);
    expect(await guessed.text()).toContain('type /digest for a fresh link');
    const altered = local(links.urlFor('wsoa', 'Jan 2021')).replace('Jan%202021', 'Oct%202020');
    expect((await fetch(altered)).status).toBe(403);
  });
});
