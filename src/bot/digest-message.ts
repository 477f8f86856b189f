import type { BuiltDigest } from '../app/digest/build-digest.js';
import type { DigestData } from '../domain/digest.js';
import { renderDigestCard, type DigestCard } from '../cards/digest/digest-card.js';
import type { CardPicture } from '../cards/digest/digest-view.js';
import {
  drawDigestChart,
  outlineDigestChart,
  type ChartOutline,
} from '../render/chart/digest-chart.js';
import {
  drawMeasureChart,
  outlineMeasureChart,
  type MeasureChartOutline,
} from '../render/chart/measure-chart-image.js';

/**
 * A chart as the message carries it: its size and words, and its PNG only when the card
 * embeds it (null when the card links it, as a deployment does: nothing is drawn then).
 */
export type ShownChart<Outline extends ChartOutline = ChartOutline> = Outline & {
  readonly png: Buffer | null;
  readonly dataUri: string | null;
};

/** A digest ready for Teams: its card (fitted to the size budget) and the charts it shows. */
export interface DigestMessage extends DigestCard {
  readonly data: DigestData;
  readonly chart: ShownChart;
  /** Null when no measure is drawn. */
  readonly measureChart: ShownChart<MeasureChartOutline> | null;
  readonly reportUrl: string | null;
}

/**
 * Draws the digest's charts and renders the card that fits, for a reply or a board post. With
 * a public address the card links each chart (Teams fetches it from the chart routes) and
 * nothing is drawn here; with none the charts travel inside the card as data URIs, which
 * Teams counts like the rest, and when `fits` says the card is then over the message budget
 * it goes without the pictures (the counts, lists and measures carry the same facts in words).
 */
export function digestMessageOf(
  digest: BuiltDigest,
  fits: (card: DigestCard['card']) => boolean = () => true,
): DigestMessage {
  const chart: ShownChart =
    digest.chartUrl === null
      ? drawDigestChart(digest.chart)
      : { ...outlineDigestChart(digest.chart), png: null, dataUri: null };
  const measureChart = measureChartOf(digest);
  const input = {
    data: digest.data,
    chart: pictureOf(chart, digest.chartUrl),
    timeZone: digest.timeZone,
    reportUrl: digest.reportUrl,
    measures: digest.measures,
    measureChart: measureChart && pictureOf(measureChart, digest.measureChartUrl),
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

function measureChartOf(digest: BuiltDigest): ShownChart<MeasureChartOutline> | null {
  if (!digest.measures) return null;
  if (digest.measureChartUrl === null) return drawMeasureChart(digest.measures.standings);
  const outline = outlineMeasureChart(digest.measures.standings);
  return outline && { ...outline, png: null, dataUri: null };
}

/** The card's picture: the chart's address when linked, else the PNG as a data URI. */
function pictureOf(chart: ShownChart, url: string | null): CardPicture {
  return { url: url ?? chart.dataUri ?? '', altText: chart.altText };
}
