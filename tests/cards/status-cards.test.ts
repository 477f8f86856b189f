import { describe, expect, it } from 'vitest';
import { renderActionDetailCard } from '../../src/cards/action-detail.card.js';
import { renderActionListCard } from '../../src/cards/action-list.card.js';
import { renderProgrammeStatusCard } from '../../src/cards/programme-status.card.js';
import type { RenderedCard } from '../../src/cards/render-template.js';
import type { Action } from '../../src/domain/action.js';
import { NOT_RATED, RATINGS, type RatingOrNotRated } from '../../src/domain/rating.js';

const LONG_TITLE =
  'Ensure that all children and young people placed out of the authority are known, visited and their provision quality assured termly, with findings reported to the SEND Board';

function texts(card: RenderedCard): string[] {
  const found: string[] = [];
  JSON.stringify(card.content, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') found.push(value);
    return value;
  });
  return found;
}

/** Every element of a type inside a part of a card. */
function ofType(part: unknown, type: string): unknown[] {
  const found: unknown[] = [];
  JSON.stringify(part, (_, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === type) {
      found.push(value);
    }
    return value;
  });
  return found;
}

const ALL: readonly RatingOrNotRated[] = [...RATINGS, NOT_RATED];

function sixtyActions() {
  return Array.from({ length: 60 }, (_, i) => ({
    ref: `EHC${i + 1}`,
    title: LONG_TITLE,
    ownerRole: 'SLSESEND',
    rating: ALL[i % ALL.length] ?? NOT_RATED,
    ratedIn: 'Jan 2021',
    due: '2021-07-31',
    overdue: i % 3 === 0,
  }));
}

describe('status cards', () => {
  it('keeps a 60-action workstream status under 28 KB, even when every action is overdue', () => {
    const card = renderActionListCard({
      title: 'EHC · Education, health and care plans',
      subtitle: 'Thurrock SEND Written Statement of Action · as at 1 Mar 2021 · 60 actions',
      counts: { Blue: 12, Green: 12, Amber: 12, Red: 12, [NOT_RATED]: 12 },
      actions: sixtyActions().map((a) => ({
        ...a,
        ref: `EHC${a.ref.slice(3).padStart(3, '0')}`,
        overdue: true,
      })),
      empty: 'None.',
      hint: 'Type /status and an action reference for its steps and notes.',
    });
    const bytes = Buffer.byteLength(JSON.stringify({ type: 'message', attachments: [card] }));
    expect(bytes).toBeLessThan(28 * 1024);
    expect(texts(card).filter((t) => /^\*\*EHC\d{3}\*\* /.test(t))).toHaveLength(60);
  });

  it('shows every rating as a word in the text colour, never in the host’s colours', () => {
    const card = renderActionListCard({
      title: 't',
      subtitle: 's',
      actions: sixtyActions().slice(0, 5),
      empty: 'None.',
      hint: 'h',
    });
    const runs = JSON.stringify(card.content);
    for (const rating of ['Blue', 'Green', 'Amber', 'Red', 'Not yet rated']) {
      expect(runs).toContain(`** **${rating}**`);
    }
    expect(runs).not.toMatch(/"color":"(Accent|Good|Warning|Attention)"/);
  });

  it('says so when a list is empty', () => {
    const card = renderActionListCard({
      title: 'Overdue: 0 actions',
      subtitle: 's',
      actions: [],
      empty: 'Nothing is overdue.',
      hint: 'h',
    });
    expect(texts(card)).toContain('Nothing is overdue.');
  });

  it('counts the programme by rating per workstream, leaving out ratings nobody has', () => {
    const counts = { Blue: 1, Green: 0, Amber: 2, Red: 0, [NOT_RATED]: 3 };
    const card = renderProgrammeStatusCard({
      programme: { name: 'Thurrock WSoA' },
      today: '2021-03-01',
      workstreams: [{ code: 'A', name: 'Records', counts, total: 6, overdue: 2 }],
      totals: counts,
      total: 6,
      overdue: 2,
    });
    const all = texts(card);
    expect(all).toContain('As at 1 Mar 2021 · 6 actions · 2 overdue');
    expect(all).toContain('A · Records (6 actions)');
    expect(all).toContain('Blue 1 · Amber 2 · Not yet rated 3');
    expect(all).toContain('2 overdue');
    expect(all.some((t) => t.includes('Green'))).toBe(false);
  });

  it('says how many have not reported for the open period, overall and per workstream', () => {
    const counts = { Blue: 0, Green: 1, Amber: 0, Red: 0, [NOT_RATED]: 3 };
    const card = renderProgrammeStatusCard({
      programme: { name: 'Thurrock WSoA' },
      today: '2021-03-01',
      period: { id: 'Apr 2021' },
      workstreams: [
        { code: 'A', name: 'Records', counts, total: 4, overdue: 0, notReported: 3 },
        { code: 'B', name: 'Reviews', counts, total: 4, overdue: 0, notReported: 0 },
      ],
      totals: counts,
      total: 8,
      overdue: 0,
      notReported: 3,
    });
    const all = texts(card);
    expect(all).toContain('As at 1 Mar 2021 · 8 actions · 0 overdue · 3 not reported for Apr 2021');
    expect(all.filter((t) => t === '3 not reported for Apr 2021')).toHaveLength(1);
    expect(all.some((t) => t.startsWith('0 not reported'))).toBe(false);
  });

  it('shows an action with its ratings by period, steps with dates and latest notes', () => {
    const action: Action = {
      programmeId: 'p',
      workstream: 'C',
      ref: 'C2',
      title: 'Annual reviews on time',
      ownerRole: 'SLSESEND',
      contributors: ['SEND team'],
      due: '2020-03-31',
      revisedDue: '2021-07-31',
      proposedDue: null,
      outcomes: '',
      steps: [
        { letter: 'a', title: 'Audit plans', ownerRole: null, due: '2020-01-31', revisedDue: null },
      ],
      current: {
        updateId: 'u1',
        periodId: 'Jan 2021',
        rating: 'Amber',
        note: 'Delayed by staffing.',
        at: '2021-01-10T10:00:00.000Z',
        by: 'slsesend@council.example',
      },
    };
    const card = renderActionDetailCard({
      action,
      workstreamName: 'Quality of EHC plans',
      overdue: false,
      ratings: [
        { periodId: 'Oct 2020', rating: 'Red' },
        { periodId: 'Jan 2021', rating: 'Amber' },
      ],
      latestNotes: [
        {
          id: 'u1',
          programmeId: 'p',
          ref: 'C2',
          periodId: 'Jan 2021',
          rating: 'Amber',
          note: 'Delayed by staffing.',
          evidence: null,
          proposedDue: null,
          rolledOver: false,
          by: 'slsesend@council.example',
          at: '2021-01-10T10:00:00.000Z',
          source: 'card',
        },
      ],
    });
    const all = texts(card);
    expect(all).toContain('Due 31 Jul 2021 (revised from 31 Mar 2020)');
    expect(all).toContain('Oct 2020: Red');
    expect(all).toContain('Jan 2021: Amber');
    expect(all).toContain('a) Audit plans');
    expect(all).toContain('SLSESEND · Due 31 Jan 2020');
    expect(all).toContain('Owner: SLSESEND · with SEND team');
    expect(all).toContain('Delayed by staffing.');
    expect(all).toContain('**Amber** · Jan 2021 · by slsesend@council.example on 10 Jan 2021');
  });

  it('puts text side by side only with a swatch, so cards read at phone width, and leaves no template holes', () => {
    const cards = [
      renderActionListCard({
        title: 't',
        subtitle: 's',
        actions: sixtyActions(),
        empty: 'e',
        hint: 'h',
      }),
      renderProgrammeStatusCard({
        programme: { name: 'P' },
        today: '2021-03-01',
        workstreams: [],
        totals: { Blue: 0, Green: 0, Amber: 0, Red: 0, [NOT_RATED]: 0 },
        total: 0,
        overdue: 0,
      }),
    ];
    for (const card of cards) {
      // A column set is a swatch beside its words, or a bar of colours: one text column at most.
      for (const set of ofType(card.content, 'ColumnSet')) {
        expect(ofType(set, 'TextBlock').length).toBeLessThanOrEqual(1);
      }
      expect(JSON.stringify(card.content)).not.toContain('${');
      expect(card.content['version']).toBe('1.5');
    }
  });
});
