import type { UnreachableReason } from '../domain/people.js';
import { normaliseEmail } from '../domain/people.js';
import type { PersonRepository } from '../store/role.repository.js';

/**
 * Records that a person cannot be reached, for admins (`/unreachable`) and the digest's
 * "could not be reached". A channel recipient is not a person, so nothing is recorded.
 */
export async function markUnreachable(
  people: Pick<PersonRepository, 'get' | 'save'>,
  recipient: string,
  reason: UnreachableReason,
  now: Date,
  detail: string | null = null,
  permission: string | null = null,
): Promise<void> {
  if (!isPersonRecipient(recipient)) return;
  const email = normaliseEmail(recipient);
  const known = await people.get(email);
  if (
    known?.unreachable?.reason === reason &&
    (known.unreachable.detail ?? null) === detail &&
    (known.unreachable.permission ?? null) === permission
  )
    return;
  await people.save({
    email,
    name: known?.name ?? null,
    aadObjectId: known?.aadObjectId ?? null,
    awayUntil: known?.awayUntil ?? null,
    unreachable: {
      reason,
      since: known?.unreachable?.reason === reason ? known.unreachable.since : now.toISOString(),
      detail,
      permission,
    },
  });
}

/**
 * Recipients are emails for people and conversation keys for channels. A Teams channel's
 * id has an `@` too (`19:…@thread.tacv2`), but every conversation key has a `:` and no
 * email address we store does.
 */
export function isPersonRecipient(recipient: string): boolean {
  return recipient.includes('@') && !recipient.includes(':');
}

/** A message reached them: they installed or unblocked the app, so they leave the list. */
export async function clearUnreachable(
  people: Pick<PersonRepository, 'get' | 'save'>,
  recipient: string,
): Promise<void> {
  if (!isPersonRecipient(recipient)) return;
  const known = await people.get(normaliseEmail(recipient));
  if (known?.unreachable) await people.save({ ...known, unreachable: null });
}
