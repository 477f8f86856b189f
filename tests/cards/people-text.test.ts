import { describe, expect, it } from 'vitest';
import { renderMessageCard } from '../../src/cards/message.card.js';
import { boldThen, plainText, unescapePlainText } from '../../src/cards/plain-text.js';
import { renderReceiptCard } from '../../src/cards/receipt.card.js';
import { renderUpdateFormCard } from '../../src/cards/update-form.card.js';
import type { Action } from '../../src/domain/action.js';

const HOSTILE = [
  '[Sign in again](https://login.evil.example/council)',
  '**Urgent**: reply with your password',
  '- first\n+ second\n# Heading\n1. numbered',
  'Paths like C:\\data\\_draft and `code` and ~~struck~~ and snake_case_name',
];

/** Markdown that would do something: a link, emphasis, code, strike, or a list or heading line. */
const ACTIVE_MARKDOWN = /(^|[^\\])(\[|\*|_|`|~)|^\s*([-+#]|\d+\.)\s/m;

function textBlocks(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textBlocks);
  if (node === null || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = element['type'] === 'TextBlock' ? [String(element['text'])] : [];
  return [...own, ...Object.values(element).flatMap(textBlocks)];
}

const action: Action = {
  programmeId: 'wsoa',
  workstream: 'A',
  ref: 'A2',
  title: 'Records *reviewed* [see here](https://evil.example)',
  ownerRole: 'P16SM',
  contributors: [],
  due: '2021-07-31',
  revisedDue: null,
  proposedDue: null,
  outcomes: '',
  steps: [],
  current: null,
};

describe("people's text in cards", () => {
  it.each(HOSTILE)(
    'escapes %j so that nothing of it acts as Markdown, and reads back exactly',
    (text) => {
      expect(plainText(text)).not.toMatch(ACTIVE_MARKDOWN);
      expect(unescapePlainText(plainText(text))).toBe(text);
    },
  );

  it.each(HOSTILE)('shows the note %j as text on the receipt', (note) => {
    const card = renderReceiptCard({
      update: {
        programmeId: 'wsoa',
        ref: 'A2',
        periodId: 'Apr 2021',
        rating: 'Amber',
        note,
        evidence: null,
        proposedDue: null,
      },
      time: '10:42',
      date: '2021-04-12',
      period: { id: 'Apr 2021', closes: '2021-04-23' },
      canChange: true,
    });
    const noteBlock = textBlocks(card.content).find((t) => unescapePlainText(t) === note);
    expect(noteBlock).toBeDefined();
    expect(noteBlock).not.toMatch(ACTIVE_MARKDOWN);
  });

  it('gives inputs and the data a button sends back exactly what was typed', () => {
    const note = HOSTILE[0] ?? '';
    const card = renderUpdateFormCard({
      action,
      etag: `W/"datetime'2021-04-12T10%3A42%3A00.1Z'"`,
      period: { id: 'Apr 2021', closes: '2021-04-23' },
      input: { rating: 'Amber', note, evidence: 'a_b', proposedDue: '' },
    });
    const json = JSON.stringify(card.content);
    expect(json).toContain(JSON.stringify(note));
    expect(json).toContain(JSON.stringify(`W/"datetime'2021-04-12T10%3A42%3A00.1Z'"`));
    const title = textBlocks(card.content).find((t) => t.includes('Records'));
    expect(title).not.toMatch(ACTIVE_MARKDOWN);
    expect(unescapePlainText(title ?? '')).toContain(action.title);
  });

  it('keeps a deliberate bold lead-in bold, with the text after it shown as typed', () => {
    const card = renderMessageCard({
      title: 'Roles in wsoa',
      lines: [boldThen('ADES', ' Assistant Director *of* Education: a_b@council.example')],
    });
    expect(textBlocks(card.content)).toContain(
      '**ADES** Assistant Director \\*of\\* Education: a\\_b@council.example',
    );
  });
});
