import type { BuiltDigest } from '../app/digest/build-digest.js';
import type { DigestData } from '../domain/digest.js';
import { renderDigestCard, type DigestCard } from '../cards/digest/digest-card.js';
import { drawDigestChart, type DigestChart } from '../render/chart/digest-chart.js';
import { drawMeasureChart, type MeasureChart } from '../render/chart/measure-chart-image.js';

/** A digest ready for Teams: its card (fitted to the size budget) and the chart it shows. */
export interface DigestMessage extends DigestCard {
  readonly data: DigestData;
  readonly chart: DigestChart;
  /** Null when no measure is drawn. */
  readonly measureChart: MeasureChart | null;
  readonly reportUrl: string | null;
}

/**
 * Draws the digest's charts and renders the card that fits, for a reply or a board post. With
 * no public address the charts travel inside the card as data URIs, which Teams counts like
 * the rest; when `fits` says the card is then over the message budget, it goes without the
 * pictures (the counts, lists and measures carry the same facts in words).
 */
export function digestMessageOf(
  digest: BuiltDigest,
  fits: (card: DigestCard['card']) => boolean = () => true,
): DigestMessage {
  const chart = drawDigestChart(digest.chart);
  // Embedded, a second picture would push a linked card past Teams' limit, so the measures
  // chart is drawn only where the ratings chart is embedded too (no public address).
  const measureChart =
    digest.measures && digest.chartUrl === null
      ? drawMeasureChart(digest.measures.standings)
      : null;
  const input = {
    data: digest.data,
    chart,
    timeZone: digest.timeZone,
    reportUrl: digest.reportUrl,
    chartUrl: digest.chartUrl,
    measures: digest.measures,
    measureChart,
    governance: digest.governance,
    names: digest.names,
    ...(digest.preface !== undefined && { preface: digest.preface }),
  };
  const card = renderDigestCard(input);
  if (fits(card.card)) {
    return { ...card, data: digest.data, chart, measureChart, reportUrl: digest.reportUrl };
  }
  const words = renderDigestCard({ ...input, chart: null, measureChart: null });
  return { ...words, data: digest.data, chart, measureChart: null, reportUrl: digest.reportUrl };
}
