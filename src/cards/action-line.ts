import { formatDate } from '../domain/dates.js';
import { ONGOING, type DueDate } from '../domain/local-date.js';
import type { ActionLine } from '../app/action-line.js';
import { ratingBadge } from './rating-style.js';

/** Long plan titles are cut so a 60-action list stays small and readable on a phone. */
const TITLE_LIMIT = 80;

export function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}

export function dueText(due: DueDate | null): string {
  if (due === null) return 'No due date';
  if (due === ONGOING) return 'Ongoing';
  return `Due ${formatDate(due)}`;
}

/** Template data for one action line: ref, rating badge, short title, owner and due date. */
export function actionLineData(line: ActionLine): Record<string, unknown> {
  const badge = ratingBadge(line.rating);
  const facts = [
    line.ownerRole,
    dueText(line.due),
    ...(line.ratedIn ? [`rated ${line.ratedIn}`] : []),
  ].join(' · ');
  return {
    ref: line.ref,
    rating: badge.label,
    color: badge.color,
    title: shorten(line.title, TITLE_LIMIT),
    facts,
    overdue: line.overdue,
  };
}
