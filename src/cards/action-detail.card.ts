import { effectiveDue, type Action } from '../domain/action.js';
import { formatDate } from '../domain/dates.js';
import { dueDay } from '../domain/local-date.js';
import { NOT_RATED, type RatingOrNotRated } from '../domain/rating.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { dueText } from './action-line.js';
import { ratingBadge } from './rating-style.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ActionDetailView {
  readonly action: Action;
  readonly workstreamName: string;
  readonly overdue: boolean;
  readonly ratings: readonly { readonly periodId: string; readonly rating: RatingOrNotRated }[];
  readonly latestNotes: readonly StatusUpdate[];
}

/** "Due 31 Jul 2020 (revised from 31 Mar 2020)". */
function dueWithRevision(item: Pick<Action, 'due' | 'revisedDue'>): string {
  const original = dueDay(item.due);
  const text = dueText(effectiveDue(item));
  return item.revisedDue !== null && original !== undefined
    ? `${text} (revised from ${formatDate(original)})`
    : text;
}

/** "Amber · Jan 2021 · by ades@council.example on 15 Jan 2021". */
export function bylineOf(update: Pick<StatusUpdate, 'periodId' | 'by' | 'at'>): string {
  const who = update.by === 'import' ? 'from the plan' : `by ${update.by}`;
  return `${update.periodId} · ${who} on ${formatDate(update.at.slice(0, 10))}`;
}

export function renderActionDetailCard(view: ActionDetailView): RenderedCard {
  const { action } = view;
  const badge = ratingBadge(action.current?.rating ?? NOT_RATED);
  return renderTemplate('action-detail', {
    programmeId: action.programmeId,
    ref: action.ref,
    rating: badge.label,
    color: badge.color,
    overdue: view.overdue,
    title: action.title,
    facts: [
      `Workstream ${action.workstream} · ${view.workstreamName}`,
      `Owner ${action.ownerRole}${action.contributors.length > 0 ? ` · with ${action.contributors.join(', ')}` : ''}`,
      dueWithRevision(action),
      ...(action.proposedDue ? [`Later date asked for: ${formatDate(action.proposedDue)}`] : []),
    ],
    ratings: view.ratings.map((r) => {
      const b = ratingBadge(r.rating);
      return { periodId: r.periodId, label: b.label, color: b.color };
    }),
    steps: action.steps.map((step) => ({
      letter: step.letter,
      title: step.title,
      facts: [step.ownerRole ?? action.ownerRole, dueWithRevision(step)].join(' · '),
    })),
    notes: view.latestNotes.map((u) => {
      const b = ratingBadge(u.rating);
      return { label: b.label, color: b.color, byline: bylineOf(u), note: u.note };
    }),
  });
}
