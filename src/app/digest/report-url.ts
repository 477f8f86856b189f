/**
 * The full report's address, as the digest links it; null when no public address is
 * configured (a local run), so the card simply has no link.
 */
export function reportUrlOf(
  publicBaseUrl: string | null,
  programmeId: string,
  periodId: string,
): string | null {
  if (publicBaseUrl === null || publicBaseUrl.trim() === '') return null;
  const base = publicBaseUrl.trim().replace(/\/+$/, '');
  return `${base}/report/${encodeURIComponent(programmeId)}?period=${encodeURIComponent(periodId)}`;
}
