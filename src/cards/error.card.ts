import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ErrorView {
  /** An id support can find in the logs (the activity id). */
  readonly reference: string | null;
}

/** For faults that are ours, not the person's: says so, and what to do next. */
export function renderErrorCard(view: ErrorView): RenderedCard {
  return renderTemplate('error', {
    message: 'I could not answer that just now. Nothing you typed was lost or recorded wrongly.',
    next: 'Please try again in a minute. If it keeps happening, tell your programme admin.',
    reference: view.reference ?? '',
  });
}
