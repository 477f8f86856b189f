import type { RoleAssignment, RoleRepository } from '../store/role.repository.js';

/** Who wants to read a programme: the sender of a command, or the person behind the tab. */
export interface Reader {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

/** What one reader may read, asked of storage once. */
export interface Membership {
  /** Admins, and everyone in local use, read every programme. */
  readonly readsAll: boolean;
  /** Ids (lower case) of the programmes where the reader holds or deputises for a role. */
  memberOf(): Promise<ReadonlySet<string>>;
  /** The roles behind {@link memberOf}, in every programme: read once, whoever asks. */
  readonly held: () => Promise<readonly RoleAssignment[]>;
  mayRead(programmeId: string): Promise<boolean>;
}

export interface ReadRuleOptions {
  readonly roles: Pick<RoleRepository, 'rolesOf'>;
  /**
   * Local use without sign-in (no app id): nobody can be told apart, so everyone reads
   * everything, as on the tab. Never set when the bot has credentials.
   */
  readonly openToEveryone: boolean;
}

/**
 * The one rule for reading a programme, whatever asks (a command, the digest and its links,
 * the tab and its export): programme admins; anyone holding or deputising for one of its
 * roles; and a chat or channel linked to it (the programme resolution knows the link).
 */
export function createReadRule(options: ReadRuleOptions) {
  return {
    /**
     * `askNow` (the default): someone who must be a member to read is asked about at once,
     * alongside other reads; false when their roles will probably not be needed (a chat that
     * read through its link last time), so they are read only if they are.
     */
    membership(reader: Reader, askNow = true): Membership {
      const readsAll = options.openToEveryone || reader.isAdmin;
      let assignments: Promise<readonly RoleAssignment[]> | undefined;
      const held = (): Promise<readonly RoleAssignment[]> => {
        const { email } = reader;
        assignments ??= email === null ? Promise.resolve([]) : options.roles.rolesOf(email);
        return assignments;
      };
      const memberOf = async (): Promise<ReadonlySet<string>> =>
        new Set((await held()).map((role) => role.programmeId.toLowerCase()));
      if (!readsAll && askNow) void memberOf().catch(() => undefined);
      return {
        readsAll,
        memberOf,
        held,
        async mayRead(programmeId) {
          return readsAll || (await memberOf()).has(programmeId.toLowerCase());
        },
      };
    },
  };
}

export type ReadRule = ReturnType<typeof createReadRule>;
