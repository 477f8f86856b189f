/**
 * Turns one of pino's JSON lines into a line for a person at a terminal: time, level, message,
 * then any other fields as JSON. Lines that are not JSON pass through as they are.
 */
export function formatReadable(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError) return line;
    throw error;
  }
  const { time, level, message, ...rest } = entry;
  // The process id is for collectors that merge several instances; a terminal shows one.
  const fields = Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'pid'));
  const label = typeof level === 'string' ? level.toUpperCase() : 'INFO';
  const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  return `${String(time)} ${label.padEnd(5)} ${String(message)}${extra}\n`;
}
