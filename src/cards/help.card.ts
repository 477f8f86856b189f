import { renderTemplate, type RenderedCard } from './render-template.js';

export interface HelpView {
  readonly commands: readonly { readonly usage: string; readonly summary: string }[];
}

export function renderHelpCard(view: HelpView): RenderedCard {
  return renderTemplate('help', {
    title: 'What I can do',
    intro:
      'Type a command, with or without the slash. In a channel or group chat, mention me first.',
    commands: view.commands.map((c) => ({ usage: c.usage, summary: c.summary })),
  });
}
