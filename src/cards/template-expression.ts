import { escapeStrings, Markdown, plainText } from './plain-text.js';

/**
 * The expressions our card templates use, parsed once and evaluated as adaptivecards-templating
 * evaluates them (adaptive-expressions 4.x) on data escaped by `escapeStrings`, without
 * escaping the data first: names and dotted names, `$root` and `$data`, `count(…)`,
 * `string(…)`, and one comparison with a literal for `$when`. Anything else is refused when the
 * template is compiled, so a template cannot silently draw differently from the engine.
 */
export type Expression = Reference | Call | Comparison;

interface Reference {
  readonly kind: 'reference';
  /** `$root.a` starts at the card's data; anything else at the item being repeated. */
  readonly fromRoot: boolean;
  readonly names: readonly string[];
  /** What the engine shows for a missing value: the expression itself, `${a.b}`. */
  readonly missing: Markdown;
}

interface Call {
  readonly kind: 'count' | 'string';
  readonly of: Reference;
  /** What the engine shows when the call fails inside a longer text: `${count(a)}`. */
  readonly failed: Markdown;
}

type Operator = '==' | '!=' | '>' | '<' | '>=' | '<=';
type Literal = string | number | null;

interface Comparison {
  readonly kind: 'comparison';
  readonly left: Reference | (Call & { readonly kind: 'count' });
  readonly operator: Operator;
  readonly right: Literal;
}

/** What the engine has in hand while it draws: the card's data and the item being repeated. */
export interface Scope {
  readonly root: unknown;
  readonly data: unknown;
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_]*$/;
const COMPARISON = /^(.+?)\s*(==|!=|>=|<=|>|<)\s*(.+)$/;
const CALL = /^(count|string)\s*\(\s*(.+?)\s*\)$/;

/** Parses the text between `${` and `}`; throws saying what is outside the subset. */
export function parseExpression(text: string, where: string): Expression {
  const source = text.trim();
  const comparison = COMPARISON.exec(source);
  if (comparison) {
    const [, left = '', operator = '', right = ''] = comparison;
    const operand = parseOperand(left, where);
    if (operand.kind === 'string') {
      throw new Error(`In ${where}: ${source} compares a string(); compare the value itself.`);
    }
    return {
      kind: 'comparison',
      left: operand as Comparison['left'],
      operator: operator as Operator,
      right: literal(right, where),
    };
  }
  return parseOperand(source, where);
}

function parseOperand(text: string, where: string): Reference | Call {
  const call = CALL.exec(text);
  if (call) {
    const [, kind = '', inner = ''] = call;
    const of = reference(inner, where);
    const shown = `${kind}(${[of.fromRoot ? ['$root'] : [], of.names].flat().join('.')})`;
    return { kind: kind as Call['kind'], of, failed: new Markdown(`\${${shown}}`) };
  }
  if (/[()]/.test(text))
    throw new Error(`In ${where}: ${text} calls a function other than count or string.`);
  return reference(text, where);
}

function reference(text: string, where: string): Reference {
  const names = text.split('.').map((name) => name.trim());
  if (names.some((name) => !NAME.test(name))) {
    throw new Error(`In ${where}: "${text}" is not a name or dotted name the cards can draw.`);
  }
  const [first] = names;
  const fromRoot = first === '$root';
  const rest = fromRoot || first === '$data' ? names.slice(1) : names;
  if (rest.some((name) => name.startsWith('$'))) {
    throw new Error(`In ${where}: "${text}" uses a $ name other than $root or $data at its start.`);
  }
  return {
    kind: 'reference',
    fromRoot,
    names: rest,
    missing: new Markdown(`\${${names.join('.')}}`),
  };
}

function literal(text: string, where: string): Literal {
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^'([^'\\]*)'$/.exec(text);
  if (quoted) return quoted[1] ?? '';
  throw new Error(
    `In ${where}: ${text} is not a literal the cards compare with ('text', a number, null).`,
  );
}

/** Whether the expression uses `$root`: a repeated element drawn on its own cannot. */
export function usesRoot(expression: Expression): boolean {
  const of = expression.kind === 'comparison' ? expression.left : expression;
  return (of.kind === 'reference' ? of : of.of).fromRoot;
}

/** One step of a path: the engine matches names ignoring case, and finds nothing in text. */
function property(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Markdown) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.prototype.propertyIsEnumerable.call(record, name)) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/** The value a reference names, as the data has it (not escaped); undefined when missing. */
export function lookUp(ref: Reference, scope: Scope): unknown {
  let value = ref.fromRoot ? scope.root : scope.data;
  for (const name of ref.names) value = property(value, name);
  return value;
}

/** The engine's count of an escaped value; undefined where it fails. */
function countOf(value: unknown): number | undefined {
  if (typeof value === 'string') return plainText(value).length;
  if (value instanceof Markdown) return value.markdown.length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

/** A number as the engine's `string()` writes it (d3-format `,.Nf`, en-GB and en-US). */
export function numberText(n: number): string {
  const shown = n.toString();
  const decimals = shown.includes('.') ? Math.min(20, (shown.split('.')[1] ?? '').length) : 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const digits = /^\d*/.exec(fixed)?.[0] ?? '';
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',') + fixed.slice(digits.length);
  const negative = (n < 0 || 1 / n < 0) && Number(fixed) !== 0;
  return `${negative ? '\u2212' : ''}${grouped}`;
}

function stringOf(value: unknown): string | Markdown {
  if (typeof value === 'string' || value instanceof Markdown) return value;
  if (typeof value === 'number' && !Number.isNaN(value)) return new Markdown(numberText(value));
  if (value === null || value === undefined) return new Markdown('');
  if (typeof value === 'boolean') return new Markdown(String(value));
  if (typeof value !== 'object')
    throw new Error('A card can only write text, numbers, flags and lists.');
  const json = JSON.stringify(escapeStrings(value)) ?? '';
  return new Markdown(json.replace(/^['"]*/, '').replace(/['"]*$/, ''));
}

/** Marks a call that failed, drawn as its own text inside a longer text. */
export const FAILED: unique symbol = Symbol('failed');

/**
 * The value of an expression drawn into the card. Text from the data comes back as it is (a
 * string, or Markdown meant as such); text the engine makes (a missing value's `${name}`, a
 * `string()`) comes back as Markdown, since the engine does not escape it.
 */
export function valueOf(expression: Reference | Call, scope: Scope): unknown {
  const ref = expression.kind === 'reference' ? expression : expression.of;
  const found = lookUp(ref, scope);
  const value = found === undefined ? ref.missing : found;
  if (expression.kind === 'reference') return value;
  if (expression.kind === 'string') return stringOf(value);
  return countOf(value) ?? FAILED;
}

/** A `$when`: true only when the expression is the boolean true, as the engine decides. */
export function holds(expression: Expression, scope: Scope): boolean {
  if (expression.kind === 'reference') return lookUp(expression, scope) === true;
  if (expression.kind !== 'comparison') return false;
  const { left, operator, right } = expression;
  let value: unknown;
  if (left.kind === 'reference') value = lookUp(left, scope);
  else {
    value = countOf(lookUp(left.of, scope));
    // A count that fails makes the comparison false, whichever the operator.
    if (value === undefined) return false;
  }
  const escaped =
    typeof value === 'string'
      ? plainText(value)
      : value instanceof Markdown
        ? value.markdown
        : value;
  if (operator === '==' || operator === '!=') return (operator === '==') === equals(escaped, right);
  if (escaped === null || escaped === undefined) return false;
  const comparable =
    (typeof escaped === 'number' && !Number.isNaN(escaped) && typeof right === 'number') ||
    (typeof escaped === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const [a, b] = [escaped, right] as [number | string, number | string];
  return operator === '>' ? a > b : operator === '<' ? a < b : operator === '>=' ? a >= b : a <= b;
}

/** adaptive-expressions' equality against a literal. */
function equals(value: unknown, right: Literal): boolean {
  const missing = value === null || value === undefined;
  if (missing || right === null) return missing && right === null;
  if (typeof value === 'number' && typeof right === 'number' && !Number.isNaN(value)) {
    if (Math.abs(value - right) < Number.EPSILON) return true;
  }
  return value === right;
}
