import type { MessageView } from '../app/prompt/message-view.js';
import { dueText, shorten } from './action-line.js';
import { ratingBadge } from './rating-style.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

/** On the closing day, to a workstream lead: which updates are missing, and a Chase button. */
export function renderEscalationCard(view: MessageView): RenderedCard {
  const missing = view.sections.flatMap((s) => s.actions).filter((a) => !a.answered);
  return renderTemplate('escalation', {
    heading: `${missing.length} ${missing.length === 1 ? 'update is' : 'updates are'} missing for ${view.periodId}`,
    intro: `The ${view.periodId} period closes today. These actions in your workstream have no rating yet. Chase sends their owners a reminder now.`,
    missing: missing.map((a) => {
      const badge = ratingBadge(a.rating);
      return {
        ref: a.ref,
        title: shorten(a.title, 200),
        ratingLabel: badge.label,
        ratingSwatch: badge.swatch,
        owner: view.owners[a.ref] ?? 'nobody assigned',
        due: dueText(a.due),
      };
    }),
    programmeId: view.programmeId,
    periodId: view.periodId,
    refsText: missing.map((a) => a.ref).join(','),
  });
}
