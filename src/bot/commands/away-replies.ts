import { renderMessageCard } from '../../cards/message.card.js';
import type { RenderedCard } from '../../cards/render-template.js';

export function unknownSenderCard(): RenderedCard {
  return renderMessageCard({
    title: 'I do not know who you are yet',
    lines: [
      'Teams did not tell me your email address, so I cannot match you to a role.',
      'Try again in a minute; if it keeps happening, ask your programme admin.',
    ],
  });
}
