import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { escapeStrings, Markdown, restoreOutsideMarkdown } from '../../../src/cards/plain-text.js';
import { DrawnItem } from '../../../src/cards/template-compiler.js';

/**
 * A template drawn as the bot drew every card before it compiled them: the data escaped for
 * Markdown, expanded by adaptivecards-templating, then given back its exact text outside
 * Markdown. The reference the compiled templates are held to. A list line drawn ahead is given
 * to the engine as the values it was drawn from, so the card it is shown in is held to the card
 * the engine draws from those values.
 */
export function drawnByTheEngine(template: unknown, data: unknown): unknown {
  const expanded: unknown = new Template(template).expand({
    $root: escapeStrings(asValues(data)),
  });
  return restoreOutsideMarkdown(expanded);
}

function asValues(value: unknown): unknown {
  if (value instanceof DrawnItem) return value.values;
  if (value instanceof Markdown || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(asValues);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asValues(inner)]));
}

/** The JSON of a card template under `cards/`. */
export function cardTemplate(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../cards/${name}.json`, import.meta.url), 'utf8'));
}
