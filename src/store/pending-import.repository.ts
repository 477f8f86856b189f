/**
 * A plan import previewed in Teams and waiting for its Confirm. The preview card carries
 * only the id, so whoever presses Confirm cannot choose what the bot fetches: the file's
 * address is the one Teams gave with the message, kept here.
 */
export interface PendingImport {
  /** Random and unguessable; the card's Confirm and Cancel send it back. */
  readonly id: string;
  readonly fileName: string;
  /** The attachment's `downloadUrl`, as Teams sent it. */
  readonly downloadUrl: string;
  readonly programmeId: string;
  /** The preview's fingerprint: Confirm is refused if what would happen has changed. */
  readonly fingerprint: string;
  /** Email of the admin who sent the file, when known. */
  readonly requestedBy: string | null;
  /** UTC ISO instant after which Confirm asks for the file again. */
  readonly expiresAt: string;
}

export interface PendingImportRepository {
  /** Insert or replace. */
  save(pending: PendingImport): Promise<void>;
  get(id: string): Promise<PendingImport | null>;
  /** Returns whether there was one to remove. */
  remove(id: string): Promise<boolean>;
}
