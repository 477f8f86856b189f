/** Levenshtein distance, case-insensitive: how many single-letter edits turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidates closest to what was typed, best first, for "did you mean …". Only close
 * ones count (a third of the word's length, at least one edit), so nonsense gets none.
 */
export function closestMatches(
  typed: string,
  candidates: readonly string[],
  limit = 3,
): readonly string[] {
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate) }))
    .filter((c) => c.distance <= allowed)
    .sort((p, q) => p.distance - q.distance || p.candidate.localeCompare(q.candidate))
    .slice(0, limit)
    .map((c) => c.candidate);
}
