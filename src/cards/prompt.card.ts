import type { MessageView } from '../app/prompt/message-view.js';
import { dueText, shorten } from './action-line.js';
import { ratingBadge } from './rating-style.js';
import { renderTemplate, type RenderedCard } from './render-template.js';
import { formatDateWithDay } from '../domain/dates.js';
import { NOT_RATED } from '../domain/rating.js';

function headingOf(view: MessageView): string {
  switch (view.kind) {
    case 'prompt':
      return `Your ${view.periodId} update for ${view.programmeName}`;
    case 'reminder':
      return `Reminder: your ${view.periodId} update is still to come`;
    case 'nudge':
      return `Coming due soon: ${view.sections.flatMap((s) => s.actions.map((a) => a.ref)).join(', ')}`;
    case 'escalation':
      return `Missing ${view.periodId} updates`;
  }
}

function introOf(view: MessageView): string {
  const closes = view.closes === '' ? '' : ` closes on ${formatDateWithDay(view.closes)}`;
  switch (view.kind) {
    case 'prompt':
      return `The ${view.periodId} reporting period${closes}. For each action below, give a rating with a short note, or say nothing has changed since last period.`;
    case 'reminder':
      return `The ${view.periodId} reporting period${closes} and these actions have no rating yet. It takes a minute per action.`;
    case 'nudge':
      return `This action is due within a week. If it will be late, say so in an update and propose a new date.`;
    case 'escalation':
      return '';
  }
}

/** One message per owner per period: every open action with its rating, dates and steps. */
export function renderPromptCard(view: MessageView, note?: string): RenderedCard {
  // Each "no change" button carries the card's refs, so the card can be redrawn in place.
  const refsText = view.sections.flatMap((s) => s.actions.map((a) => a.ref)).join(',');
  const pending = (answered: boolean) => view.kind !== 'reminder' || !answered;
  return renderTemplate('prompt', {
    heading: headingOf(view),
    intro: note ?? introOf(view),
    sections: view.sections
      .map((section) => ({
        onBehalfOf:
          section.onBehalfOf === null
            ? ''
            : `Standing in for ${section.onBehalfOf} (${section.role}) while they are away`,
        actions: section.actions
          .filter((a) => pending(a.answered))
          .map((a) => {
            const badge = ratingBadge(a.rating);
            return {
              programmeId: view.programmeId,
              ref: a.ref,
              title: shorten(a.title, 300),
              ratingLabel: badge.label,
              ratingColor: badge.color,
              due: dueText(a.due),
              answeredText: a.answered ? ` · answered for ${view.periodId}` : '',
              steps: a.steps.map((s) => ({
                letter: s.letter,
                title: shorten(s.title, 160),
                due: dueText(s.due),
              })),
              canRollOver: a.rating !== NOT_RATED && !a.answered,
              periodId: view.periodId,
              refsText,
            };
          }),
      }))
      .filter((section) => section.actions.length > 0),
  });
}
