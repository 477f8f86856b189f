import type { MeasureDigest } from '../../domain/measure-digest.js';
import { formatMeasureValue } from '../../domain/measure.js';
import {
  baselineWords,
  comparatorWords,
  directionWords,
  targetWords,
  TRACK_WORDS,
} from '../../domain/measure-words.js';
import { drawMeasureChart } from '../../render/chart/measure-chart-image.js';
import { markup, type Html } from './html.js';

/**
 * Every measure as at the report's period, none left out (the digest cuts its list and
 * sends the reader here): its values by period, latest, direction, target, baseline,
 * comparators and track in words, then the chart with its text alternative.
 */
export function measuresSection(measures: MeasureDigest | null, periodId: string): Html {
  if (!measures || measures.standings.length === 0) return markup``;
  const offTrack = measures.standings.filter((s) => s.progress.track === 'off track').length;
  const rows = measures.standings.map(({ measure, progress }) => {
    const unit = (value: number) => formatMeasureValue(measure.unit, value);
    const values = progress.series.map((p) => `${p.periodId} ${unit(p.value)}`).join(', ');
    const latest = progress.latest
      ? `${unit(progress.latest.value)} in ${progress.latest.periodId}`
      : 'No value yet';
    const track = TRACK_WORDS[progress.track];
    return markup`<tr><th scope="row">${measure.code}</th><td>${measure.name}</td><td>${latest}</td><td>${progress.latest ? directionWords(progress, measure.unit) : ''}</td><td>${targetWords(measure) ?? 'No target set'}</td><td>${baselineWords(measure) ?? ''}</td><td>${comparatorWords(measure) ?? ''}</td><td class="track track-${progress.track.replace(' ', '-')}">${track}</td><td>${values || 'None yet'}</td></tr>`;
  });
  const chart = drawMeasureChart(measures.standings);
  const picture = chart
    ? markup`<img class="chart" src="${chart.dataUri}" width="${chart.width}" height="${chart.height}" alt="${chart.altText}">`
    : markup``;
  return markup`<section aria-labelledby="measures">
<h2 id="measures">Measures (${measures.standings.length}; ${offTrack} off track)</h2>
<div class="grid-wrap" tabindex="0" role="region" aria-label="Measures table, scrolls sideways">
<table>
<caption>Each measure's latest value as at ${periodId}, against its target and comparators</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Measure</th><th scope="col">Latest</th><th scope="col">Direction</th><th scope="col">Target</th><th scope="col">Baseline</th><th scope="col">Comparators</th><th scope="col">On track</th><th scope="col">Values by period</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>
${picture}
</section>
`;
}
