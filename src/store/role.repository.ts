import type { Person, Role } from '../domain/people.js';
import type { StoredConversation } from './conversation.repository.js';

export interface RoleAssignment {
  readonly programmeId: string;
  readonly role: string;
  /** Whether this person holds the role or deputises for it. */
  readonly as: 'person' | 'deputy';
}

export interface RoleRepository {
  list(programmeId: string): Promise<Role[]>;
  /** Case-insensitive on `code`. */
  get(programmeId: string, code: string): Promise<Role | null>;
  /** Insert or replace one role (assign a person or a deputy). */
  save(role: Role): Promise<void>;
  /** Every role, in every programme, that this email holds or deputises for. */
  rolesOf(email: string): Promise<RoleAssignment[]>;
}

export interface PersonRepository {
  get(email: string): Promise<Person | null>;
  getByAadObjectId(aadObjectId: string): Promise<Person | null>;
  save(person: Person): Promise<void>;
  /**
   * Saves a person no one has yet by their email and gives null; when someone already has it,
   * writes nothing and gives who is stored. First contact usually finds no one, so this is
   * one write where a read and a write would be two. `personalChat`, their personal chat with
   * the bot, is saved in the same write (as `conversations.save` would save it), but only when
   * the person is added.
   */
  add(person: Person, personalChat?: StoredConversation): Promise<Person | null>;
  listUnreachable(): Promise<Person[]>;
}
