import { renderTemplate, type RenderedCard } from './render-template.js';

export interface MessageView {
  readonly title: string;
  readonly lines: readonly string[];
}

/** A short card of plain sentences: "did you mean", "no programme yet", "too long". */
export function renderMessageCard(view: MessageView): RenderedCard {
  return renderTemplate('message', { title: view.title, lines: [...view.lines] });
}
