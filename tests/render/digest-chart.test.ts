import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../src/render/chart/chart-png.js';
import { writeChartSvg } from '../../src/render/chart/chart-svg.js';
import type { RatingCounts } from '../../src/domain/rating.js';
import { drawDigestChart, limitBars } from '../../src/render/chart/digest-chart.js';
import { pngFromDataUri, readPngHeader } from '../app/digest/png-header.js';

function tally(blue: number, green: number, amber: number, red: number, unrated = 0): RatingCounts {
  return { Blue: blue, Green: green, Amber: amber, Red: red, 'Not yet rated': unrated };
}

const sampleChart = {
  workstreams: [
    { label: 'A Records and oversight', counts: tally(2, 2, 1, 0) },
    { label: 'B Quality assurance', counts: tally(0, 0, 5, 0) },
    { label: 'C EHC plans', counts: tally(0, 1, 1, 0) },
  ],
  trend: [
    { label: 'Jan 2020', counts: tally(0, 0, 0, 1, 11) },
    { label: 'Jan 2021', counts: tally(2, 3, 7, 0) },
  ],
};

describe('digest chart', () => {
  it('is a PNG whose header states the size the chart gives', () => {
    const chart = drawDigestChart(sampleChart);
    const header = readPngHeader(pngFromDataUri(chart.dataUri));
    expect(header).toEqual({ width: chart.width, height: chart.height });
    expect(chart.width).toBe(420);
  });

  it('says every number and its own size in the alt text', () => {
    const chart = drawDigestChart(sampleChart);
    expect(chart.altText).toContain(`Chart, ${chart.width} by ${chart.height} pixels.`);
    expect(chart.altText).toContain('A Records and oversight: 2 Blue, 2 Green, 1 Amber');
    expect(chart.altText).toContain('Jan 2020: 1 Red, 11 Not yet rated');
    expect(chart.altText).toContain('Jan 2021: 2 Blue, 3 Green, 7 Amber');
  });

  it('writes ratings as words in the picture, not colours alone', () => {
    const { svg } = writeChartSvg(sampleChart);
    for (const word of ['Blue', 'Green', 'Amber', 'Red', 'Not yet rated']) {
      expect(svg).toContain(`>${word}</tspan>`);
    }
  });

  it('draws its text labels (the picture changes when a word is added)', () => {
    const empty = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>';
    const labelled =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">' +
      '<text x="10" y="25" font-family="DejaVu Sans" font-size="16">Amber</text></svg>';
    const plain = renderChartPng({ svg: empty, width: 200, height: 40 });
    const withWord = renderChartPng({ svg: labelled, width: 200, height: 40 });
    expect(withWord.png.equals(plain.png)).toBe(false);
  });

  it('draws the chart’s labels as letter shapes, the same on every render', () => {
    const chart = writeChartSvg(sampleChart);
    const layers = chart.layers;
    if (!layers) throw new Error('The chart has no layers.');
    const first = renderChartPng(chart).png;
    const again = renderChartPng(chart).png;
    const unlabelled = renderChartPng({ ...chart, layers: { ...layers, labels: [] } }).png;
    expect(again.equals(first)).toBe(true);
    expect(unlabelled.equals(first)).toBe(false);
  });

  it('escapes labels so a workstream name cannot break the picture', () => {
    const chart = drawDigestChart({
      workstreams: [{ label: 'Health & <care>', counts: tally(1, 0, 0, 0) }],
      trend: [],
    });
    expect(readPngHeader(chart.png).width).toBe(420);
    expect(chart.altText).toContain('Health & <care>: 1 Blue');
  });

  it('adds up the workstreams beyond twelve into one bar so the totals stay true', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({
      label: `W${i}`,
      counts: tally(1, 1, 0, 0),
    }));
    const limited = limitBars(bars, 12);
    expect(limited).toHaveLength(12);
    expect(limited[11]).toEqual({ label: '19 other workstreams', counts: tally(19, 19, 0, 0) });
  });
});
