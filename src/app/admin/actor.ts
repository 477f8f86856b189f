/**
 * Who is asking. People come from Teams (email and Entra object id as the bot learnt them);
 * the terminal is whoever runs `npm run admin` on a machine that holds the storage key, who
 * could change storage directly anyway, so the terminal is always an admin.
 */
export type Actor =
  | {
      readonly kind: 'person';
      readonly email: string | null;
      readonly aadObjectId: string | null;
    }
  | { readonly kind: 'terminal'; readonly user: string };

/** How an actor is recorded in `addedBy` and `linkedBy`. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'person':
      return actor.email ?? actor.aadObjectId ?? 'unknown';
    case 'terminal':
      return `terminal:${actor.user}`;
  }
}
