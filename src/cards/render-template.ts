import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { escapeStrings, restoreOutsideMarkdown } from './plain-text.js';

/** Every card template under `cards/`, by file name without `.json`. */
export type CardTemplateName =
  | 'help'
  | 'message'
  | 'programme-status'
  | 'action-list'
  | 'action-detail'
  | 'update-form'
  | 'receipt'
  | 'refusal'
  | 'error'
  | 'digest'
  | 'prompt'
  | 'escalation'
  | 'import-preview'
  | 'programme-choice'
  | 'revision-request'
  | 'pending'
  | 'sign-off'
  | 'sign-off-query'
  | 'mine';

/** An Adaptive Card ready to attach to a message or return from an invoke. */
export interface RenderedCard {
  readonly contentType: 'application/vnd.microsoft.card.adaptive';
  readonly content: Readonly<Record<string, unknown>>;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const templatesFolder = new URL('../../cards/', import.meta.url);
// Parsing a template is the slow part of templating; each is parsed once per process.
const parsed = new Map<CardTemplateName, Template>();

function templateOf(name: CardTemplateName): Template {
  let template = parsed.get(name);
  if (!template) {
    const json = readFileSync(new URL(`${name}.json`, templatesFolder), 'utf8');
    template = new Template(JSON.parse(json) as object);
    parsed.set(name, template);
  }
  return template;
}

/**
 * Expands a template with data. The only place in the code base that expands card
 * templates: handlers pass view data through the `*.card.ts` functions, never card JSON.
 */
export function renderTemplate(name: CardTemplateName, data: object): RenderedCard {
  // People's text is shown as text: escaped for Markdown where Teams reads Markdown only.
  const expanded = templateOf(name).expand({ $root: escapeStrings(data) }) as unknown;
  const content = restoreOutsideMarkdown(expanded) as Record<string, unknown>;
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}
