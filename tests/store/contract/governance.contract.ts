import { describe, expect, it } from 'vitest';
import type { RevisionRequest } from '../../../src/domain/revision.js';
import type { SignOffQuery, WorkstreamSignOff } from '../../../src/domain/sign-off.js';
import type { StepTick } from '../../../src/domain/step-completion.js';
import type { GovernanceStore } from '../../../src/store/governance-store.js';

function request(id: string, overrides: Partial<RevisionRequest> = {}): RevisionRequest {
  return {
    id,
    programmeId: 'wsoa',
    ref: 'C2',
    workstream: 'C',
    askedBy: 'slsesend@council.example',
    askedAt: '2021-01-11T09:00:00.000Z',
    reason: 'Backlog of annual reviews — “after” the closures; 50% done.',
    fromDue: '2020-03-31',
    toDue: '2021-07-31',
    planDates: { due: '2020-03-31', revisedDue: null },
    decision: null,
    ...overrides,
  };
}

const approval = {
  outcome: 'approved' as const,
  by: 'cd@council.example',
  at: '2021-01-12T15:00:00.000Z',
  reason: null,
};
const decline = {
  outcome: 'declined' as const,
  by: 'slsesend-lead@council.example',
  at: '2021-01-12T15:00:01.000Z',
  reason: 'Not yet evidenced',
};

function tick(ref: string, letter: string): StepTick {
  return {
    programmeId: 'wsoa',
    ref,
    letter,
    doneOn: '2021-01-10',
    by: 'sles@council.example',
    at: '2021-01-10T10:00:00.000Z',
    periodId: 'Jan 2021',
  };
}

const signOff: WorkstreamSignOff = {
  programmeId: 'wsoa',
  workstream: 'B',
  periodId: 'Jan 2021',
  by: 'slsppep@council.example',
  at: '2021-01-16T10:00:00.000Z',
  items: [
    { ref: 'B1', rating: 'Amber', verdict: 'query', note: 'Why Amber when b) is done?' },
    { ref: 'B2', rating: 'Not yet rated', verdict: 'agree', note: null },
  ],
};

const query: SignOffQuery = {
  id: 'Jan 2021|B|B1',
  programmeId: 'wsoa',
  workstream: 'B',
  periodId: 'Jan 2021',
  ref: 'B1',
  raisedBy: 'slsppep@council.example',
  raisedAt: '2021-01-16T10:00:00.000Z',
  question: 'Why Amber when b) is done?',
  rating: 'Amber',
  answer: null,
};

const answer = {
  by: 'slsppep@council.example',
  at: '2021-01-17T09:00:00.000Z',
  text: 'c) slipped.',
  revised: false,
};

/** What the governance ports promise; run against the memory fake and Azure Tables alike. */
export function governanceContract(create: () => Promise<GovernanceStore>): void {
  describe('revision repository', () => {
    it('keeps a request and lists it by action and by programme, oldest first', async () => {
      const { revisions } = await create();
      expect(
        await revisions.ask(
          request('r2', { askedAt: '2021-02-01T09:00:00.000Z', ref: 'A1', workstream: 'A' }),
        ),
      ).toEqual({ ok: true });
      expect(await revisions.ask(request('r1'))).toEqual({ ok: true });
      expect(await revisions.get('WSOA', 'r1')).toEqual(request('r1'));
      expect((await revisions.listForProgramme('wsoa')).map((r) => r.id)).toEqual(['r1', 'r2']);
      expect((await revisions.listForAction('wsoa', 'c2')).map((r) => r.id)).toEqual(['r1']);
      expect(await revisions.listForAction('wsoa', 'C20')).toEqual([]);
      expect(await revisions.get('wsoa', 'nothing')).toBeNull();
    });

    it('refuses a second request for an action while one waits, and allows one once decided', async () => {
      const { revisions } = await create();
      await revisions.ask(request('r1'));
      expect(await revisions.ask(request('r2'))).toEqual({
        ok: false,
        code: 'REQUEST_WAITING',
        waiting: request('r1'),
      });
      expect(await revisions.ask(request('r3', { ref: 'C1' }))).toEqual({ ok: true });
      await revisions.decide('wsoa', 'r1', approval);
      expect(await revisions.ask(request('r2', { askedAt: '2021-03-01T09:00:00.000Z' }))).toEqual({
        ok: true,
      });
    });

    it('keeps the first decision: a second decider is told what was decided', async () => {
      const { revisions } = await create();
      await revisions.ask(request('r1'));
      const first = await revisions.decide('wsoa', 'r1', approval);
      expect(first).toEqual({ ok: true, request: request('r1', { decision: approval }) });
      const second = await revisions.decide('wsoa', 'r1', decline);
      expect(second).toEqual({
        ok: false,
        code: 'ALREADY_DECIDED',
        request: request('r1', { decision: approval }),
      });
      expect(await revisions.decide('wsoa', 'nothing', approval)).toEqual({
        ok: false,
        code: 'REQUEST_NOT_FOUND',
      });
    });

    it('lets exactly one of two deciders pressing at once win', async () => {
      const { revisions } = await create();
      await revisions.ask(request('r1'));
      const results = await Promise.all([
        revisions.decide('wsoa', 'r1', approval),
        revisions.decide('wsoa', 'r1', decline),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const stored = await revisions.get('wsoa', 'r1');
      const loser = results.find((r) => !r.ok);
      expect(loser).toMatchObject({
        code: 'ALREADY_DECIDED',
        request: { decision: stored?.decision },
      });
    });
  });

  describe('step tick repository', () => {
    it('keeps ticks by action and step, and an untick removes one', async () => {
      const { stepTicks } = await create();
      await stepTicks.tick(tick('A2', 'b'));
      await stepTicks.tick(tick('A2', 'A'));
      await stepTicks.tick(tick('A10', 'a'));
      await stepTicks.tick({ ...tick('A2', 'b'), doneOn: '2021-01-11' });
      expect(await stepTicks.listForAction('wsoa', 'a2')).toEqual([
        tick('A2', 'a'),
        { ...tick('A2', 'b'), doneOn: '2021-01-11' },
      ]);
      expect((await stepTicks.listForProgramme('wsoa')).map((t) => `${t.ref}${t.letter}`)).toEqual([
        'A2a',
        'A2b',
        'A10a',
      ]);
      expect(await stepTicks.untick('wsoa', 'A2', 'B')).toBe(true);
      expect(await stepTicks.untick('wsoa', 'A2', 'b')).toBe(false);
      expect((await stepTicks.listForAction('wsoa', 'A2')).map((t) => t.letter)).toEqual(['a']);
      expect(await stepTicks.listForProgramme('other')).toEqual([]);
    });
  });

  describe("one action's governance, read together", () => {
    it("gives an action's requests oldest first and its ticks by letter, and no other action's", async () => {
      const { actionGovernance, revisions, stepTicks } = await create();
      expect(await actionGovernance.ofAction('wsoa', 'C2')).toEqual({ requests: [], ticks: [] });
      await revisions.ask(request('late', { askedAt: '2021-03-01T09:00:00.000Z' }));
      await revisions.decide('wsoa', 'late', approval);
      await revisions.ask(request('waiting', { askedAt: '2021-04-01T09:00:00.000Z' }));
      await revisions.ask(request('early', { askedAt: '2021-02-01T09:00:00.000Z', ref: 'C20' }));
      await stepTicks.tick(tick('C2', 'b'));
      await stepTicks.tick(tick('C2', 'a'));
      await stepTicks.tick(tick('C20', 'a'));
      await stepTicks.tick({ ...tick('C2', 'a'), programmeId: 'other' });

      const record = await actionGovernance.ofAction('WSOA', 'c2');
      expect(record.requests).toEqual([
        { ...request('late', { askedAt: '2021-03-01T09:00:00.000Z' }), decision: approval },
        request('waiting', { askedAt: '2021-04-01T09:00:00.000Z' }),
      ]);
      expect(record.ticks).toEqual([tick('C2', 'a'), tick('C2', 'b')]);
      expect(record.requests).toEqual(await revisions.listForAction('wsoa', 'C2'));
      expect(record.ticks).toEqual(await stepTicks.listForAction('wsoa', 'C2'));
    });
  });

  describe('sign-off repository', () => {
    it('keeps a sign-off with its queries, and the first sign-off of a workstream stands', async () => {
      const { signOffs } = await create();
      expect(await signOffs.record(signOff, [query])).toEqual({ ok: true });
      const again = { ...signOff, by: 'deputy@council.example' };
      expect(await signOffs.record(again, [])).toEqual({
        ok: false,
        code: 'ALREADY_SIGNED_OFF',
        current: signOff,
      });
      expect(await signOffs.record({ ...signOff, workstream: 'A' }, [])).toEqual({ ok: true });
      expect((await signOffs.listForPeriod('wsoa', 'Jan 2021')).map((s) => s.workstream)).toEqual([
        'A',
        'B',
      ]);
      expect(await signOffs.listForPeriod('wsoa', 'Apr 2021')).toEqual([]);
      expect(await signOffs.listQueries('wsoa')).toEqual([query]);
    });

    it('takes the owner’s first answer to a query and refuses a second', async () => {
      const { signOffs } = await create();
      await signOffs.record(signOff, [query]);
      expect(await signOffs.answer('wsoa', query.id, answer)).toEqual({
        ok: true,
        query: { ...query, answer },
      });
      expect(await signOffs.answer('wsoa', query.id, { ...answer, text: 'Again' })).toEqual({
        ok: false,
        code: 'ALREADY_ANSWERED',
        query: { ...query, answer },
      });
      expect(await signOffs.getQuery('wsoa', query.id)).toEqual({ ...query, answer });
      expect(await signOffs.answer('wsoa', 'nothing', answer)).toEqual({
        ok: false,
        code: 'QUERY_NOT_FOUND',
      });
    });

    it('keeps a sign-off whose queries need more than one transaction', async () => {
      const { signOffs } = await create();
      const many = Array.from({ length: 120 }, (_, i) => ({
        ...query,
        id: `Jan 2021|B|B${i}`,
        ref: `B${i}`,
      }));
      expect(await signOffs.record(signOff, many)).toEqual({ ok: true });
      expect(await signOffs.listQueries('wsoa')).toHaveLength(120);
    });
  });

  describe('governance settings repository', () => {
    it('has nothing for a programme until saved, then what was saved', async () => {
      const { governance } = await create();
      expect(await governance.get('wsoa')).toBeNull();
      const settings = {
        programmeId: 'wsoa',
        deciders: [
          { role: 'CD', workstreams: 'all' as const },
          { role: 'ADES', workstreams: ['A'] },
        ],
        chairRole: null,
        signOff: true,
      };
      await governance.save(settings);
      expect(await governance.get('WSOA')).toEqual(settings);
    });
  });
}
