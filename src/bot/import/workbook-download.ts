import { readWorkbookContent, type WorkbookRead } from '../../app/import/read-workbook.js';

/** Teams' attachment for a file sent to a bot in personal chat (`supportsFiles`). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A workbook bigger than this is not a plan; refusing it keeps one instance's memory safe. */
const MAX_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export interface SentFile {
  readonly name: string;
  readonly downloadUrl: string;
}

/** The first file attachment of a message, if any. */
export function sentFileOf(
  attachments: readonly { contentType: string; name?: string; content?: unknown }[] | undefined,
): SentFile | null {
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content = attachment.content as { downloadUrl?: unknown } | undefined;
    if (typeof content?.downloadUrl === 'string' && typeof attachment.name === 'string') {
      return { name: attachment.name, downloadUrl: content.downloadUrl };
    }
  }
  return null;
}

export type DownloadResult =
  WorkbookRead | { readonly ok: false; readonly code: 'DOWNLOAD_FAILED'; readonly reason: string };

/** Fetches the file Teams holds for us and reads it as a workbook. */
export async function downloadWorkbook(file: SentFile): Promise<DownloadResult> {
  if (!/^https?:\/\//i.test(file.downloadUrl)) {
    return { ok: false, code: 'DOWNLOAD_FAILED', reason: 'the link is not a web address' };
  }
  let bytes: Uint8Array;
  try {
    const response = await fetch(file.downloadUrl, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) {
      return { ok: false, code: 'DOWNLOAD_FAILED', reason: `Teams answered ${response.status}` };
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) {
      return { ok: false, code: 'DOWNLOAD_FAILED', reason: 'the file is larger than 10 MB' };
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error: unknown) {
    // Timeouts and refused connections: the person can send the file again.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'DOWNLOAD_FAILED', reason };
  }
  if (bytes.length > MAX_BYTES) {
    return { ok: false, code: 'DOWNLOAD_FAILED', reason: 'the file is larger than 10 MB' };
  }
  return readWorkbookContent(file.name, bytes);
}
