/**
 * Pressing a card's button as Teams does. An `Action.Execute` sends its own `data` merged with
 * the values of the card's inputs (`associatedInputs` "auto": every input in the card, hidden
 * ones included), so a test presses the button on the card the bot actually sent, never data
 * it made up (https://adaptivecards.microsoft.com/?topic=Action.Execute).
 */

export interface CardButton {
  readonly title: string;
  readonly verb: string;
  /** What Teams sends: the button's data with the card's input values merged in. */
  readonly data: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function walk(node: unknown, visit: (element: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (!isObject(node)) return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value) || isObject(value)) walk(value, visit);
  }
}

/** The values every input of the card would submit, by id. */
export function inputValuesOf(card: unknown): Json {
  const values: Json = {};
  walk(card, (element) => {
    const type = element['type'];
    if (
      typeof type === 'string' &&
      type.startsWith('Input.') &&
      typeof element['id'] === 'string'
    ) {
      values[element['id']] = element['value'] ?? '';
    }
  });
  return values;
}

/** Every `Action.Execute` button on the card, with what pressing it sends. */
export function buttonsOf(card: unknown): CardButton[] {
  const inputs = inputValuesOf(card);
  const buttons: CardButton[] = [];
  walk(card, (element) => {
    if (element['type'] !== 'Action.Execute') return;
    const data = isObject(element['data']) ? element['data'] : {};
    buttons.push({
      title: typeof element['title'] === 'string' ? element['title'] : '',
      verb: typeof element['verb'] === 'string' ? element['verb'] : '',
      data: { ...inputs, ...data },
    });
  });
  return buttons;
}

/** The Adaptive Cards attached to an activity the bot sent. */
export function cardsOf(activity: unknown): Json[] {
  if (!isObject(activity) || !Array.isArray(activity['attachments'])) return [];
  return activity['attachments']
    .filter(
      (a): a is Json =>
        isObject(a) && a['contentType'] === 'application/vnd.microsoft.card.adaptive',
    )
    .map((a) => (isObject(a['content']) ? a['content'] : {}));
}
