import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { escapeStrings, restoreOutsideMarkdown } from '../../../src/cards/plain-text.js';

/**
 * A template drawn as the bot drew every card before it compiled them: the data escaped for
 * Markdown, expanded by adaptivecards-templating, then given back its exact text outside
 * Markdown. The reference the compiled templates are held to.
 */
export function drawnByTheEngine(template: unknown, data: unknown): unknown {
  const expanded = new Template(template).expand({ $root: escapeStrings(data) }) as unknown;
  return restoreOutsideMarkdown(expanded);
}

/** The JSON of a card template under `cards/`. */
export function cardTemplate(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../cards/${name}.json`, import.meta.url), 'utf8'));
}
