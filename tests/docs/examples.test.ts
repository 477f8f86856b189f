import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/bot/commands/index.js';
import { loadSamplePlan } from '../support/sample-plan.js';

/** `/status A`, `/digest C`, `/update A4`: commands that name a workstream or an action. */
const EXAMPLE = /\/(status|digest|update)\s+([A-Za-z]{1,6}\d{0,3})\b/g;
/** `/digest draft`, `/digest sent`: the digest's edition, not a code. */
const EDITIONS = new Set(['draft', 'sent', 'last']);

function examplesIn(text: string): string[] {
  return [...text.matchAll(EXAMPLE)]
    .filter((match) => !EDITIONS.has(match[2] ?? ''))
    .map((match) => `/${match[1] ?? ''} ${match[2] ?? ''}`);
}

const plan = loadSamplePlan();
const known = new Set([...plan.workstreams.map((w) => w.code), ...plan.actions.map((a) => a.ref)]);

const sources: [string, string][] = [
  ['README.md', readFileSync('README.md', 'utf8')],
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name): [string, string] => [`docs/${name}`, readFileSync(`docs/${name}`, 'utf8')]),
  ['/help', commands.map((c) => `${c.usage} ${c.summary}`).join('\n')],
];

describe('examples a newcomer copies from the README, the docs and /help', () => {
  it('finds examples to check', () => {
    expect(sources.flatMap(([, text]) => examplesIn(text)).length).toBeGreaterThan(5);
  });

  it.each(sources)('%s names only workstreams and actions the sample plan has', (_, text) => {
    const unknown = examplesIn(text).filter(
      (example) => !known.has(example.split(' ')[1]?.toUpperCase() ?? ''),
    );
    expect(unknown).toEqual([]);
  });
});
