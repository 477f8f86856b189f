import { formatDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/local-date.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { ratingSwatch } from './swatch.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ReceiptView {
  readonly update: Pick<
    StatusUpdate,
    'programmeId' | 'ref' | 'periodId' | 'rating' | 'note' | 'evidence' | 'proposedDue'
  >;
  /** Local time of the update, "10:42", and its local date. */
  readonly time: string;
  readonly date: IsoDate;
  readonly period: { readonly id: string; readonly closes: IsoDate };
  /** False once the period has closed: the receipt then has no Change button. */
  readonly canChange: boolean;
}

/** What replaces the form once an update is recorded: "Recorded Amber for A2 at 10:42". */
export function renderReceiptCard(view: ReceiptView): RenderedCard {
  const { update } = view;
  return renderTemplate('receipt', {
    rating: update.rating,
    swatch: ratingSwatch(update.rating),
    programmeId: update.programmeId,
    ref: update.ref,
    periodId: update.periodId,
    time: view.time,
    summary: `${update.periodId} · ${formatDate(view.date)}`,
    note: update.note,
    evidence: update.evidence ?? '',
    proposedDue: update.proposedDue
      ? `Asked for a later due date: ${formatDate(update.proposedDue)} (sent to the programme's deciders).`
      : '',
    canChange: view.canChange,
    changeNote: view.canChange
      ? `You can change this until the period closes on ${formatDate(view.period.closes)}.`
      : `The ${view.period.id} period has closed, so this can no longer be changed.`,
  });
}
