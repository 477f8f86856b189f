import type { Markdown } from './plain-text.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface MessageView {
  readonly title: string;
  /** Plain text, shown as typed; a {@link Markdown} line for a deliberate bold lead-in. */
  readonly lines: readonly (string | Markdown)[];
}

/** A short card of plain sentences: "did you mean", "no programme yet", "too long". */
export function renderMessageCard(view: MessageView): RenderedCard {
  return renderTemplate('message', { title: view.title, lines: [...view.lines] });
}
