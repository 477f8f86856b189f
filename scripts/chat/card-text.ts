/** A button on a card, numbered for the terminal. */
export interface CardButton {
  readonly title: string;
  readonly type: string;
  readonly verb?: string;
  readonly data?: Record<string, unknown>;
  readonly url?: string;
}

/** An input field on a card, asked for when a button is pressed. */
export interface CardInput {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly choices: readonly { title: string; value: string }[];
  readonly value?: string;
}

export interface CardText {
  readonly lines: readonly string[];
  readonly buttons: readonly CardButton[];
  readonly inputs: readonly CardInput[];
}

type Element = Record<string, unknown>;

const ANSI: Readonly<Record<string, string>> = {
  good: '\x1b[32m',
  warning: '\x1b[33m',
  attention: '\x1b[31m',
  accent: '\x1b[34m',
};
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): Element[] {
  return Array.isArray(value)
    ? value.filter((item): item is Element => typeof item === 'object' && item !== null)
    : [];
}

function styled(element: Element, body: string, colour: boolean): string {
  if (!colour || body === '') return body;
  const code = ANSI[text(element['color']).toLowerCase()] ?? '';
  const bold = text(element['weight']).toLowerCase() === 'bolder' ? BOLD : '';
  const dim = element['isSubtle'] === true ? DIM : '';
  const prefix = `${code}${bold}${dim}`;
  return prefix === '' ? body : `${prefix}${body}${RESET}`;
}

/**
 * Turns an Adaptive Card into plain lines for a terminal: text blocks, facts as
 * "title: value", columns side by side, inputs and buttons listed so they can be used by
 * number. Ratings are words on the cards themselves; colour here is only a help.
 */
export function cardToText(card: unknown, options: { colour: boolean }): CardText {
  const lines: string[] = [];
  const buttons: CardButton[] = [];
  const inputs: CardInput[] = [];

  function addActions(actions: Element[]): void {
    for (const action of actions) {
      const type = text(action['type']);
      const button: CardButton = {
        title: text(action['title']) || text(action['verb']) || type,
        type,
        ...(typeof action['verb'] === 'string' ? { verb: action['verb'] } : {}),
        ...(typeof action['data'] === 'object' && action['data'] !== null
          ? { data: action['data'] as Record<string, unknown> }
          : {}),
        ...(typeof action['url'] === 'string' ? { url: action['url'] } : {}),
      };
      if (type === 'Action.ShowCard') {
        walk([action['card'] as Element], '  ');
        addActions(list((action['card'] as Element | undefined)?.['actions']));
        continue;
      }
      buttons.push(button);
      lines.push(`  [${buttons.length}] ${button.title}${button.url ? ` → ${button.url}` : ''}`);
    }
  }

  function walk(elements: Element[], indent: string): void {
    for (const element of elements) {
      if (element['isVisible'] === false) continue;
      const type = text(element['type']);
      switch (type) {
        case 'AdaptiveCard':
          walk(list(element['body']), indent);
          addActions(list(element['actions']));
          break;
        case 'TextBlock':
          lines.push(`${indent}${styled(element, text(element['text']), options.colour)}`);
          break;
        case 'RichTextBlock':
          lines.push(
            `${indent}${list(element['inlines'])
              .map((run) => styled(run, text(run['text']), options.colour))
              .join('')}`.trimEnd(),
          );
          break;
        case 'FactSet':
          for (const fact of list(element['facts'])) {
            lines.push(`${indent}${text(fact['title'])}: ${text(fact['value'])}`);
          }
          break;
        case 'Container':
        case 'Column':
          walk(list(element['items']), indent);
          break;
        case 'ColumnSet':
          for (const column of list(element['columns'])) walk(list(column['items']), indent);
          break;
        case 'Table':
          for (const row of list(element['rows'])) {
            const cells = list(row['cells']).map((cell) => {
              const inner = cardToText(
                { type: 'AdaptiveCard', body: list(cell['items']) },
                options,
              );
              return inner.lines.join(' ').trim();
            });
            lines.push(`${indent}${cells.join(' | ')}`);
          }
          break;
        case 'Image':
          lines.push(`${indent}[image: ${text(element['altText']) || 'no description'}]`);
          break;
        case 'ActionSet':
          addActions(list(element['actions']));
          break;
        default:
          if (type.startsWith('Input.')) addInput(element, indent);
      }
    }
  }

  function addInput(element: Element, indent: string): void {
    const choices = list(element['choices']).map((choice) => ({
      title: text(choice['title']),
      value: text(choice['value']),
    }));
    const input: CardInput = {
      id: text(element['id']),
      label: text(element['label']) || text(element['placeholder']) || text(element['id']),
      type: text(element['type']),
      choices,
      ...(typeof element['value'] === 'string' ? { value: element['value'] } : {}),
    };
    inputs.push(input);
    const shown = choices.length > 0 ? ` (${choices.map((c) => c.title).join(' / ')})` : '';
    const current = input.value ? ` [now: ${input.value}]` : '';
    const required = element['isRequired'] === true ? ' (required)' : '';
    lines.push(`${indent}✎ ${input.label}${required}${shown}${current}`);
  }

  walk([card as Element], '');
  return {
    lines: lines.filter((line, i) => line.trim() !== '' || lines[i - 1]?.trim() !== ''),
    buttons,
    inputs,
  };
}
