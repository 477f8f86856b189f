/**
 * Text from people (notes, titles, reasons, names) is shown as they typed it. A TextBlock and a
 * fact in a FactSet read Markdown, so a note of `[Sign in again](https://…)` would become a link
 * and `**` would change how the card looks. Every string of a card's data is escaped with the
 * backslashes Markdown defines; the places that do not read Markdown (inputs, buttons, data
 * sent back, URLs, TextRuns) get the string back exactly.
 */
const MARKDOWN_CHARACTERS = /[\\`*_[\]~]/g;
/** A line that starts a list or a heading: `- `, `+ `, `# `, `1. `. */
const LINE_MARKERS = /^(\s*)([-+#]|\d+\.)(?=\s)/gm;
const ESCAPED = /\\([\\`*_[\]~\-+#.])/g;

export function plainText(text: string): string {
  return text
    .replace(MARKDOWN_CHARACTERS, (character) => `\\${character}`)
    .replace(LINE_MARKERS, (_, space: string, marker: string) =>
      marker.endsWith('.') ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
    );
}

/** The exact inverse of {@link plainText}. */
export function unescapePlainText(text: string): string {
  return text.replace(ESCAPED, '$1');
}

/** Card text that is Markdown on purpose, built with {@link boldThen}; passed to the card as is. */
export class Markdown {
  constructor(readonly markdown: string) {}
}

/** `**code** rest`: a bold lead-in before ordinary text, both shown as typed. */
export function boldThen(lead: string, rest: string): Markdown {
  return new Markdown(`**${plainText(lead)}**${plainText(rest)}`);
}

/** Every string in the data escaped with {@link plainText}, for expanding a card template. */
export function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return plainText(value);
  if (value instanceof Markdown) return value.markdown;
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)]));
  }
  return value;
}

/**
 * Gives every string of an expanded card back its exact text, except where Teams reads
 * Markdown: a TextBlock's text and a fact's title and value.
 */
export function restoreOutsideMarkdown(node: unknown): unknown {
  if (typeof node === 'string') return unescapePlainText(node);
  if (Array.isArray(node)) return node.map(restoreOutsideMarkdown);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const type = (node as { type?: unknown }).type;
  return Object.fromEntries(
    entries.map(([key, value]) => {
      if (type === 'TextBlock' && key === 'text') return [key, value];
      if (type === 'FactSet' && key === 'facts' && Array.isArray(value)) return [key, value];
      return [key, restoreOutsideMarkdown(value)];
    }),
  );
}
