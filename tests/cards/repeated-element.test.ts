import { describe, expect, it } from 'vitest';
import { boldThen } from '../../src/cards/plain-text.js';
import { renderTemplate, repeatedElement } from '../../src/cards/render-template.js';

/** What people type that Markdown would read, and text Teams shows as typed elsewhere. */
const TYPED = [
  'EHC12',
  'A_1*',
  '[Sign in again](https://login.evil.example/council)',
  '- first\n+ second\n# Heading\n1. numbered',
  'Paths like C:\\data\\_draft and `code` and ~~struck~~',
  'ünïcødé “quotes” 😀',
];

/** The lines of an action list as the templating engine draws the whole card. */
function drawnByTheEngine(items: readonly Record<string, unknown>[]): unknown[] {
  const card = renderTemplate('action-list', {
    title: 't',
    subtitle: 's',
    counts: [],
    countsText: '',
    first: items,
    rest: [],
    showAll: '',
    actions: items,
    measures: [],
    empty: '',
    hint: 'h',
    more: '',
    moreUrl: '',
    listNote: '',
    allTitle: '',
    allCommand: '',
  });
  return (card.content['body'] as unknown[]).slice(2, 2 + items.length);
}

describe('a list line drawn without the templating engine', () => {
  it('is exactly the line the engine draws, escaped where Teams reads Markdown and exact elsewhere', () => {
    const draw = repeatedElement('action-list', 'first');
    const items = TYPED.flatMap((ref) =>
      TYPED.map((text) => ({ ref, line: boldThen(ref, text), facts: text })),
    );
    expect(items.map((item) => draw(item))).toEqual(drawnByTheEngine(items));
    // The press sends the reference as typed, not escaped.
    expect(JSON.stringify(draw({ ref: 'A_1*', line: boldThen('A', ''), facts: '' }))).toContain(
      '"/status A_1*"',
    );
  });

  it('says which template and list it cannot draw', () => {
    expect(() => repeatedElement('action-list', 'nothing')).toThrow(
      'Card template action-list repeats nothing over nothing.',
    );
  });
});
