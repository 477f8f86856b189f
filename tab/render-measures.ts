import type { DashboardGrid } from '../src/app/dashboard.use-case.js';
import { formatMeasureValue } from '../src/domain/measure.js';
import type { MeasureStanding } from '../src/domain/measure-digest.js';
import type { Track } from '../src/domain/measure-progress.js';
import {
  baselineWords,
  comparatorWords,
  directionWords,
  measureChartText,
  targetWords,
  TRACK_WORDS,
} from '../src/domain/measure-words.js';
import { RATING_COLOUR } from '../src/domain/rating.js';
import { writeMeasureChartSvg } from '../src/render/chart/measure-chart.js';
import { el } from './dom.js';

/** The track's colour beside its word, as the digest and /status show it. */
const TRACK_COLOUR: Readonly<Record<Track, string | null>> = {
  'on track': RATING_COLOUR.Green,
  'off track': RATING_COLOUR.Red,
  'no target': null,
  'no value': null,
};

/**
 * Each measure of the programme (or of the workstream filtered to): its figures in words,
 * then its chart (the digest's own drawing: values over time, the target as a dashed line,
 * comparators dotted, every line named) with the figures as the picture's text alternative.
 * Null when the plan has no measures and no workstream is chosen: nothing to say.
 */
export function renderMeasures(grid: DashboardGrid): HTMLElement | null {
  const { measures } = grid;
  const workstream = grid.filters.workstream;
  if (measures.length === 0 && workstream === undefined) return null;
  const offTrack = measures.filter((s) => s.progress.track === 'off track').length;
  const heading = el(
    'h2',
    { id: 'measures-heading' },
    `Measures (${measures.length}; ${offTrack} off track)`,
  );
  const body =
    measures.length === 0
      ? [el('p', {}, `Workstream ${workstream ?? ''} has no measures.`)]
      : measures.map(renderMeasure);
  return el(
    'section',
    { class: 'measures', id: 'measures', 'aria-labelledby': 'measures-heading' },
    heading,
    ...body,
  );
}

function renderMeasure(standing: MeasureStanding): HTMLElement {
  const { measure, progress } = standing;
  const id = `measure-${measure.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const latest = progress.latest
    ? `Latest: ${formatMeasureValue(measure.unit, progress.latest.value)} in ${progress.latest.periodId}`
    : 'Latest: no value yet';
  const facts = [
    latest,
    ...(progress.latest ? [directionWords(progress, measure.unit)] : []),
    targetWords(measure) ?? 'No target set',
    baselineWords(measure) ?? 'No baseline set',
    ...(measure.comparators.length > 0 ? [`Comparators: ${comparatorWords(measure) ?? ''}`] : []),
  ];
  const colour = TRACK_COLOUR[progress.track];
  // With no value, "no value yet" is already said as the latest; it is not said twice.
  const track =
    progress.track === 'no value'
      ? []
      : [
          el(
            'li',
            { class: 'track', 'data-track': progress.track },
            ...(colour
              ? [el('span', { class: 'swatch', style: `background-color: ${colour}` })]
              : []),
            TRACK_WORDS[progress.track],
          ),
        ];
  return el(
    'article',
    { class: 'measure', id, 'aria-labelledby': `${id}-name` },
    el('h3', { id: `${id}-name` }, `${measure.code} · ${measure.name}`),
    el('ul', { class: 'measure-facts' }, ...facts.map((fact) => el('li', {}, fact)), ...track),
    // As in the digest, an empty picture says nothing: a chart waits for the first value.
    progress.latest
      ? chartOf(standing)
      : el('p', { class: 'no-chart' }, 'No chart until a value is recorded.'),
  );
}

/**
 * The chart as an image of its SVG: an image runs nothing, so the drawing needs no trust,
 * and the words beside it say every figure it shows.
 */
function chartOf(standing: MeasureStanding): HTMLElement {
  const chart = writeMeasureChartSvg([standing]);
  const words = measureChartText(standing.measure, standing.progress);
  const image = el('img', {
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`,
    width: String(chart.width),
    height: String(chart.height),
    alt: words,
  });
  return el(
    'figure',
    { class: 'measure-chart' },
    image,
    el('details', {}, el('summary', {}, 'The chart in words'), el('p', {}, words)),
  );
}
