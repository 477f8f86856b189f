import { renderTemplate, type RenderedCard } from './render-template.js';

export interface RefusalView {
  readonly title: string;
  /** What was refused and why, then what to do next. */
  readonly lines: readonly string[];
}

/** A polite no: not yours to update, the period has closed, no such action. */
export function renderRefusalCard(view: RefusalView): RenderedCard {
  return renderTemplate('refusal', { title: view.title, lines: [...view.lines] });
}
