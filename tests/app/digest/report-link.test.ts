import { describe, expect, it } from 'vitest';
import { createReportLinks, REPORT_LINK_DAYS } from '../../../src/app/digest/report-link.js';

function at(iso: string) {
  return { now: () => new Date(iso) };
}

function queryOf(url: string) {
  const params = new URL(url).searchParams;
  return {
    period: params.get('period') ?? undefined,
    expires: params.get('expires') ?? undefined,
    sig: params.get('sig') ?? undefined,
  };
}

describe('report links', () => {
  const base = 'https://tracker.example.org/';
  const signed = createReportLinks({
    publicBaseUrl: base,
    secret: 's3cret',
    clock: at('2021-01-25T09:00:00Z'),
  });

  it('signs a link that opens the report it names', () => {
    const url = signed.urlFor('wsoa', 'Jan 2021');
    expect(url).toMatch(
      /^https:\/\/tracker\.example\.org\/report\/wsoa\?period=Jan%202021&expires=\d+&sig=[\w-]+$/,
    );
    expect(signed.check('wsoa', queryOf(url ?? ''))).toBe('valid');
  });

  it('refuses the link for another programme, another period or a changed date', () => {
    const query = queryOf(signed.urlFor('wsoa', 'Jan 2021') ?? '');
    expect(signed.check('other', query)).toBe('invalid');
    expect(signed.check('wsoa', { ...query, period: 'Oct 2020' })).toBe('invalid');
    expect(signed.check('wsoa', { ...query, expires: String(Number(query.expires) + 1) })).toBe(
      'invalid',
    );
    expect(signed.check('wsoa', { period: 'Jan 2021', expires: undefined, sig: undefined })).toBe(
      'invalid',
    );
  });

  it(`stops working ${REPORT_LINK_DAYS} days after the digest`, () => {
    const query = queryOf(signed.urlFor('wsoa', 'Jan 2021') ?? '');
    const later = createReportLinks({
      publicBaseUrl: base,
      secret: 's3cret',
      clock: at('2021-03-02T09:00:00Z'),
    });
    expect(later.check('wsoa', query)).toBe('expired');
  });

  it('is unsigned and open with no secret, and absent with no public address', () => {
    const open = createReportLinks({
      publicBaseUrl: base,
      secret: null,
      clock: at('2021-01-25T09:00:00Z'),
    });
    expect(open.urlFor('wsoa', 'Jan 2021')).toBe(
      'https://tracker.example.org/report/wsoa?period=Jan%202021',
    );
    expect(open.check('wsoa', { period: undefined, expires: undefined, sig: undefined })).toBe(
      'open',
    );
    const none = createReportLinks({
      publicBaseUrl: null,
      secret: 'x',
      clock: at('2021-01-25T09:00:00Z'),
    });
    expect(none.urlFor('wsoa', 'Jan 2021')).toBeNull();
    expect(none.chartUrlFor('wsoa', 'Jan 2021')).toBeNull();
  });
});

describe('chart links', () => {
  const signed = createReportLinks({
    publicBaseUrl: 'https://tracker.example.org',
    secret: 's3cret',
    clock: at('2021-01-25T09:00:00Z'),
  });

  function chartQueryOf(url: string | null) {
    const params = new URL(url ?? '').searchParams;
    return { ...queryOf(url ?? ''), workstream: params.get('workstream') ?? undefined };
  }

  it('signs the chart’s address for its programme, period and workstream', () => {
    const url = signed.chartUrlFor('wsoa', 'Jan 2021', 'B');
    expect(url).toMatch(
      /^https:\/\/tracker\.example\.org\/report\/wsoa\/chart\.png\?period=Jan%202021&workstream=B&expires=\d+&sig=[\w-]+$/,
    );
    const query = chartQueryOf(url);
    expect(signed.checkChart('wsoa', query)).toBe('valid');
    expect(signed.checkChart('wsoa', { ...query, workstream: undefined })).toBe('invalid');
    expect(signed.checkChart('wsoa', { ...query, period: 'Oct 2020' })).toBe('invalid');
  });

  it('does not let a chart’s signature open the report, nor a report’s the chart', () => {
    const chart = chartQueryOf(signed.chartUrlFor('wsoa', 'Jan 2021'));
    expect(signed.checkChart('wsoa', chart)).toBe('valid');
    expect(signed.check('wsoa', chart)).toBe('invalid');
    const report = queryOf(signed.urlFor('wsoa', 'Jan 2021') ?? '');
    expect(signed.checkChart('wsoa', { ...report, workstream: undefined })).toBe('invalid');
  });

  it(`stops working ${REPORT_LINK_DAYS} days after the digest, as the report’s link does`, () => {
    const query = chartQueryOf(signed.chartUrlFor('wsoa', 'Jan 2021'));
    const later = createReportLinks({
      publicBaseUrl: 'https://tracker.example.org',
      secret: 's3cret',
      clock: at('2021-03-02T09:00:00Z'),
    });
    expect(later.checkChart('wsoa', query)).toBe('expired');
  });
});
