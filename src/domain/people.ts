import type { IsoDate } from './local-date.js';

/**
 * Plans name roles, not people (ADES, DCO): people change jobs, roles stay. A role maps to
 * one person and optionally a deputy, both by email / UPN (lower case).
 */
export interface Role {
  readonly programmeId: string;
  readonly code: string;
  readonly title: string;
  readonly person: string | null;
  readonly deputy: string | null;
  /**
   * True for a role an admin added with /assign that the plan workbook does not have (the
   * board's chair, say): a re-import keeps it. A role the workbook names is the workbook's.
   */
  readonly assigned?: boolean;
}

export type UnreachableReason = 'not-installed' | 'blocked';

/** Someone the bot knows, across programmes. `email` is the key, lower case. */
export interface Person {
  readonly email: string;
  readonly name: string | null;
  /** Entra ID object id, learnt from Teams when they first talk to the bot. */
  readonly aadObjectId: string | null;
  /** Prompts go to the deputy up to and including this local date. */
  readonly awayUntil: IsoDate | null;
  /** Set when a send failed because the app is not installed or the bot was blocked. */
  readonly unreachable: {
    readonly reason: UnreachableReason;
    readonly since: string;
    /** What went wrong in words an admin can act on (the permission to grant, Teams' answer). */
    readonly detail?: string | null;
    /** The Microsoft Graph permission an admin must grant before they can be reached. */
    readonly permission?: string | null;
  } | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
