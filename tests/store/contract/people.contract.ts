import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../src/domain/people.js';
import type { StoredConversation } from '../../../src/store/conversation.repository.js';
import type { Store } from '../../../src/store/store.js';
import { plan, role, type StoreFactory } from './fixtures.js';

const person: Person = {
  email: 'sam.jones@example.org',
  name: 'Sam Jones',
  aadObjectId: 'aad-1',
  awayUntil: null,
  unreachable: null,
};

const chat: StoredConversation = {
  key: 'personal:aad-1',
  kind: 'personal',
  tenantId: 'tenant',
  aadObjectId: 'aad-1',
  email: 'sam.jones@example.org',
  reference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' },
  updatedAt: '2026-01-20T10:00:00.000Z',
};

export function peopleContract(createStore: StoreFactory): void {
  describe('roles, people and conversations', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });

    it('finds every role a person holds or deputises for, across programmes', async () => {
      await store.plans.replace(plan('one', { A: ['A1'] }));
      await store.plans.replace(plan('two', { A: ['A1'] }));
      await store.roles.save({
        ...role('two', 'DCO', 'sam@example.org'),
        deputy: 'ADES@example.org',
      });
      expect(await store.roles.rolesOf('Ades@Example.org')).toEqual([
        { programmeId: 'one', role: 'ADES', as: 'person' },
        { programmeId: 'two', role: 'ADES', as: 'person' },
        { programmeId: 'two', role: 'DCO', as: 'deputy' },
      ]);
      await store.roles.save(role('one', 'ADES', 'new.person@example.org'));
      expect(await store.roles.rolesOf('ades@example.org')).toHaveLength(2);
      expect((await store.roles.get('one', 'ades'))?.person).toBe('new.person@example.org');
      expect((await store.roles.list('two')).map((r) => r.code)).toEqual(['ADES', 'DCO']);
    });

    it('stops counting a person in a role the moment they are taken off it', async () => {
      await store.plans.replace(plan('one', { A: ['A1'] }));
      await store.roles.save({
        ...role('one', 'DCO', 'sam@example.org'),
        deputy: 'kim@example.org',
      });
      await store.roles.save({ ...role('one', 'DCO', 'lee@example.org'), deputy: null });
      expect(await store.roles.rolesOf('sam@example.org')).toEqual([]);
      expect(await store.roles.rolesOf('kim@example.org')).toEqual([]);
      expect(await store.roles.rolesOf('lee@example.org')).toEqual([
        { programmeId: 'one', role: 'DCO', as: 'person' },
      ]);
      // Given back, it counts again.
      await store.roles.save({
        ...role('one', 'DCO', 'lee@example.org'),
        deputy: 'sam@example.org',
      });
      expect(await store.roles.rolesOf('sam@example.org')).toEqual([
        { programmeId: 'one', role: 'DCO', as: 'deputy' },
      ]);
    });

    it('forgets the holders of a role a new plan drops, and knows them if it comes back', async () => {
      const withDco = plan(
        'one',
        { A: ['A1'] },
        { roles: [role('one', 'DCO', 'sam@example.org')] },
      );
      await store.plans.replace(withDco);
      await store.plans.replace(plan('one', { A: ['A1'] }, { roles: [] }));
      expect(await store.roles.rolesOf('sam@example.org')).toEqual([]);
      expect(await store.roles.get('one', 'DCO')).toBeNull();
      expect(await store.roles.list('one')).toEqual([]);
      await store.plans.replace(withDco);
      expect(await store.roles.rolesOf('sam@example.org')).toEqual([
        { programmeId: 'one', role: 'DCO', as: 'person' },
      ]);
    });

    it('ends with the index matching the role when two people change it at once', async () => {
      await store.plans.replace(plan('one', { A: ['A1'] }));
      const names = ['a', 'b', 'c', 'd'].map((n) => `${n}@example.org`);
      await Promise.all(names.map((name) => store.roles.save(role('one', 'DCO', name))));
      const holder = (await store.roles.get('one', 'DCO'))?.person;
      for (const name of names) {
        const held = await store.roles.rolesOf(name);
        expect(held.length, name).toBe(name === holder ? 1 : 0);
      }
    });

    it('keeps people by email in any case and by Entra object id', async () => {
      await store.people.save(person);
      expect(await store.people.get('Sam.Jones@Example.org')).toEqual(person);
      expect(await store.people.getByAadObjectId('aad-1')).toEqual(person);
      expect(await store.people.listUnreachable()).toEqual([]);
      const blocked = {
        ...person,
        unreachable: { reason: 'blocked', since: '2026-01-21T00:00:00.000Z' },
      } as const;
      await store.people.save(blocked);
      expect(await store.people.listUnreachable()).toEqual([blocked]);
    });

    it('adds a person only when no one has their email, and says who has it', async () => {
      expect(await store.people.add({ ...person, email: 'Sam.Jones@Example.org' })).toBeNull();
      expect(await store.people.get('sam.jones@example.org')).toEqual(person);
      expect(await store.people.getByAadObjectId('aad-1')).toEqual(person);

      const other = { ...person, name: 'Someone Else', aadObjectId: 'aad-2' };
      expect(await store.people.add(other)).toEqual(person);
      expect(await store.people.get('sam.jones@example.org')).toEqual(person);
      expect(await store.people.getByAadObjectId('aad-2')).toBeNull();

      const away = { ...person, email: 'kim@example.org', aadObjectId: null };
      await store.people.save({ ...away, awayUntil: '2026-02-01' });
      expect(await store.people.add({ ...away, aadObjectId: 'aad-3' })).toEqual({
        ...away,
        awayUntil: '2026-02-01',
      });
    });

    it('keeps conversation references and finds a personal chat by email', async () => {
      const group: StoredConversation = {
        ...chat,
        key: '19:group@thread.v2',
        kind: 'groupChat',
        aadObjectId: null,
        email: null,
      };
      await store.conversations.save(chat);
      await store.conversations.save(group);
      expect(await store.conversations.get(group.key)).toEqual(group);
      expect(await store.conversations.getPersonalByEmail('SAM.JONES@example.org')).toEqual(chat);
      expect(await store.conversations.getPersonalByEmail('nobody@example.org')).toBeNull();

      const later = { ...chat, updatedAt: '2026-01-21T10:00:00.000Z' };
      await store.conversations.save(later);
      expect(await store.conversations.getPersonalByEmail('sam.jones@example.org')).toEqual(later);
    });

    it('stores someone met for the first time with their personal chat, and keeps it as they change', async () => {
      expect(await store.people.add(person, chat)).toBeNull();
      expect(await store.conversations.getPersonalByEmail('Sam.Jones@example.org')).toEqual(chat);

      // Saving the person again (marked away) leaves the chat as it was.
      const away = { ...person, awayUntil: '2026-02-01' };
      await store.people.save(away);
      expect(await store.conversations.getPersonalByEmail('sam.jones@example.org')).toEqual(chat);
      // A newer chat replaces it, and leaves the person as they were.
      const later = { ...chat, updatedAt: '2026-01-21T10:00:00.000Z' };
      await store.conversations.save(later);
      expect(await store.conversations.getPersonalByEmail('sam.jones@example.org')).toEqual(later);
      expect(await store.people.get('sam.jones@example.org')).toEqual(away);

      // Someone else with the email is not added, and neither is their chat.
      const theirs = { ...chat, key: 'personal:aad-2', aadObjectId: 'aad-2' };
      expect(await store.people.add({ ...person, aadObjectId: 'aad-2' }, theirs)).toEqual(away);
      expect(await store.conversations.getPersonalByEmail('sam.jones@example.org')).toEqual(later);
    });

    it('keeps a personal chat with someone not known by email by its key', async () => {
      const unknown = { ...chat, key: 'personal:aad-9', aadObjectId: 'aad-9', email: null };
      await store.conversations.save(unknown);
      expect(await store.conversations.get('personal:aad-9')).toEqual(unknown);
    });
  });
}
