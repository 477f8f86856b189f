import type { UpdateRefusal } from '../../app/update.use-case.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { notFoundCard } from '../replies.js';

/** Words for each reason an update cannot be made, with what to do next. */
export function refusalCardFor(refusal: UpdateRefusal): RenderedCard {
  switch (refusal.code) {
    case 'ACTION_NOT_FOUND':
      return notFoundCard(
        'an action called',
        refusal.ref,
        refusal.suggestions,
        (s) => `/update ${s}`,
      );
    case 'NOT_OWNER': {
      const { action, ownerRole } = refusal;
      const owner = ownerRole ? `${ownerRole.code} (${ownerRole.title})` : action.ownerRole;
      return renderRefusalCard({
        title: `Only the owner can update ${action.ref}`,
        lines: [
          `${action.ref} is owned by ${owner}. The person in that role, their deputy or a programme admin can give its rating.`,
          'If that should be you, ask your programme admin to assign you the role. You can still read it with /status ' +
            `${action.ref}.`,
        ],
      });
    }
    case 'PERIOD_CLOSED':
      return renderRefusalCard({
        title:
          refusal.periodId === null
            ? `There is no reporting period open for ${refusal.action.ref}`
            : `The ${refusal.periodId} period has closed`,
        lines: [
          refusal.periodId === null
            ? 'The reporting calendar has no period that closes today or later.'
            : `Updates for ${refusal.periodId} can no longer be recorded or changed.`,
          'Type /update ' +
            `${refusal.action.ref} for a fresh form, or ask your programme admin to extend the calendar.`,
        ],
      });
  }
}
