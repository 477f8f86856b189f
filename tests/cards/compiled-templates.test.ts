import { describe, expect, it } from 'vitest';
import { boldThen, Markdown } from '../../src/cards/plain-text.js';
import { drawItem, renderTemplate } from '../../src/cards/render-template.js';
import { compileTemplate } from '../../src/cards/template-compiler.js';
import { cardTemplateNames } from '../support/cards/card-gallery.js';
import { cardTemplate, drawnByTheEngine } from '../support/cards/engine-render.js';

/** What people type that Markdown would read, and text Teams shows as typed elsewhere. */
const PEOPLE_TEXT = [
  'EHC12',
  'A_1*',
  '[Sign in again](https://login.evil.example/council)',
  '- first\n+ second\n# Heading\n1. numbered',
  'Paths like C:\\data\\_draft and `code` and ~~struck~~ ends \\',
  'ünïcødé “quotes” 😀 ${title}',
  '',
];

/** A small seeded generator, so a failure names data that can be drawn again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Every name a template's expressions use, so the data has those names and no others. */
function namesIn(template: unknown): string[] {
  const names = new Set<string>();
  for (const [, inner] of JSON.stringify(template).matchAll(/\$\{([^}]*)\}/g)) {
    for (const name of (inner ?? '').match(/[A-Za-z_$][A-Za-z0-9_]*/g) ?? []) {
      if (!['$root', '$data', 'count', 'string', 'null'].includes(name)) names.add(name);
    }
  }
  return [...names];
}

/**
 * Data of every shape a card's data has: people's text, Markdown meant as such, empty and
 * zero values, numbers in the thousands and below zero, flags, missing and null fields, lists
 * of none, one and several items, nested records.
 */
function randomData(names: readonly string[], random: () => number, depth: number): object {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const value = (): unknown => {
    const roll = random();
    if (roll < 0.35) return pick(PEOPLE_TEXT);
    if (roll < 0.45) return boldThen(pick(PEOPLE_TEXT), pick(PEOPLE_TEXT));
    if (roll < 0.47) return new Markdown('ends in a backslash \\');
    if (roll < 0.57) return pick([0, 1, 3, 1234, 1234567, -1, 1.5, -0.25, 0.1 + 0.2]);
    if (roll < 0.67) return pick([true, false]);
    if (roll < 0.7) return null;
    if (roll < 0.72) return undefined;
    if (depth === 0) return pick(PEOPLE_TEXT);
    if (roll < 0.92) {
      const length = pick([0, 0, 1, 2, 3]);
      return Array.from({ length }, () =>
        random() < 0.15 ? pick(PEOPLE_TEXT) : randomData(names, random, depth - 1),
      );
    }
    return randomData(names, random, depth - 1);
  };
  const data: Record<string, unknown> = {};
  // Most names present, as a card's data has them; some missing, as optional fields are.
  for (const name of names) if (random() < 0.85) data[name] = value();
  return data;
}

/** The card, or what went wrong: both ways must agree on which data they cannot draw. */
function outcome(draw: () => unknown): string {
  try {
    return JSON.stringify(draw());
  } catch {
    return 'could not draw';
  }
}

describe('a card template compiled once', () => {
  it.each(cardTemplateNames())(
    '%s draws exactly what the templating engine drew, for data of every shape',
    (name) => {
      const template = cardTemplate(name);
      const draw = compileTemplate(template, { where: name, root: true });
      const names = namesIn(template);
      const random = seeded(name.length * 7919 + 17);
      let drawn = 0;
      for (let run = 0; run < 100; run += 1) {
        const data = randomData(names, random, 2);
        const expected = outcome(() => drawnByTheEngine(template, data));
        expect(
          outcome(() => draw({ root: data, data })),
          `run ${run}`,
        ).toBe(expected);
        if (expected !== 'could not draw') drawn += 1;
      }
      // Most runs draw a card, so the comparison is of cards and not only of failures.
      expect(drawn).toBeGreaterThan(30);
    },
  );
});

describe('a template outside what the cards draw', () => {
  const compile = (template: unknown) => () =>
    compileTemplate(template, { where: 'card template test', root: true });

  it.each([
    ['an operator the cards do not use', { text: '${a && b}' }, 'is not a name'],
    ['a function other than count and string', { text: '${if(a, b, c)}' }, 'other than count'],
    ['a comparison drawn as text', { text: 'Late: ${a > 0}' }, 'only a $when may'],
    ['a comparison with a string()', { $when: "${string(a) != ''}" }, 'compares a string()'],
    ['a comparison with a name', { $when: '${a > b}' }, 'is not a literal'],
    ['a $when that is not an expression', { $when: 'yes', text: 'a' }, 'a $when must be'],
    ['a $data that is a list written out', { $data: [{ a: 1 }], text: '${a}' }, 'a $data must'],
    ['a $data that counts', { $data: '${count(a)}', text: 'a' }, 'a $data must'],
    ['the engine’s $index', { text: '${$index}' }, 'other than $root or $data'],
    ['the engine’s $host key', { $host: {}, text: 'a' }, '$host is not drawn'],
    ['a backslash beside an expression', { text: 'C:\\${a}' }, 'has \\'],
    ['a placeholder left open', { text: 'Hello ${name' }, 'does not close'],
    ['a type drawn from the data', { type: '${kind}', text: 'a' }, 'type must be written out'],
  ])('refuses %s when it is compiled, saying where', (_, template, message) => {
    expect(compile({ type: 'AdaptiveCard', body: [template] })).toThrow('In card template test');
    expect(compile({ type: 'AdaptiveCard', body: [template] })).toThrow(message);
  });

  it('refuses $root in an element drawn alone, with nothing but its item', () => {
    const line = { type: 'TextBlock', text: '${$root.title}' };
    expect(() => compileTemplate(line, { where: 'a line', root: false })).toThrow(
      'In a line: "${$root.title}" needs the card\'s data ($root).',
    );
  });
});

describe('a list line drawn ahead', () => {
  it('is shown only where its own element repeats, never in another list', () => {
    const line = drawItem('action-list', 'first')({ ref: 'A1', line: 'A1 Plan', facts: 'Amber' });
    const card = (first: unknown[], measures: unknown[]) =>
      renderTemplate('action-list', {
        ...{ title: 't', subtitle: 's', counts: [], countsText: '', showAll: '', empty: '' },
        ...{ hint: 'h', more: '', moreUrl: '', first, rest: [], actions: first, measures },
      });
    expect(JSON.stringify(card([line], []).content)).toContain('"/status A1"');
    expect(() => card([], [line])).toThrow('a list item drawn by another element');
  });
});
