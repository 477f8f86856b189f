/** Who sent an activity, as far as the bot knows them. */
export interface Sender {
  /** Lower-case email / UPN; null when Teams would not say. */
  readonly email: string | null;
  readonly aadObjectId: string | null;
  readonly name: string | null;
  readonly isAdmin: boolean;
}
