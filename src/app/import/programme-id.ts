/** A programme id from a file or folder name: "Thurrock WSoA.xlsx" → "thurrock-wsoa". */
export function programmeIdFromFileName(path: string): string {
  const name =
    path
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .at(-1) ?? '';
  const id = name
    .replace(/\.(xlsx|csv)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'programme' : id;
}
