import type { BuiltDigest } from '../app/digest/build-digest.js';
import type { DigestData } from '../domain/digest.js';
import { renderDigestCard, type DigestCard } from '../cards/digest/digest-card.js';
import { drawDigestChart, type DigestChart } from '../render/chart/digest-chart.js';

/** A digest ready for Teams: its card (fitted to the size budget) and the chart it shows. */
export interface DigestMessage extends DigestCard {
  readonly data: DigestData;
  readonly chart: DigestChart;
  readonly reportUrl: string | null;
}

/** Draws the digest's chart and renders the card that fits, for a reply or a board post. */
export function digestMessageOf(digest: BuiltDigest): DigestMessage {
  const chart = drawDigestChart(digest.chart);
  const card = renderDigestCard({
    data: digest.data,
    chart,
    timeZone: digest.timeZone,
    reportUrl: digest.reportUrl,
    chartUrl: digest.chartUrl,
    ...(digest.preface !== undefined && { preface: digest.preface }),
  });
  return { ...card, data: digest.data, chart, reportUrl: digest.reportUrl };
}
