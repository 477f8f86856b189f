import { describe, expect, it } from 'vitest';
import { decidersFor, defaultGovernance, isDecider } from '../../src/domain/deciders.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const { workstreams } = loadSamplePlan();

describe('who decides revised dates', () => {
  it('is each workstream’s lead by default, and the board chair role once named', () => {
    const governance = defaultGovernance('wsoa');
    expect(decidersFor(governance, workstreams, 'a')).toEqual(['ADES']);
    expect(decidersFor({ ...governance, chairRole: 'CD' }, workstreams, 'C')).toEqual([
      'CD',
      'SLSESEND',
    ]);
  });

  it('is exactly the roles the plan names when it names them', () => {
    const governance = {
      ...defaultGovernance('wsoa'),
      deciders: [
        { role: 'PFH', workstreams: 'all' as const },
        { role: 'DCO', workstreams: ['B', 'C'] },
      ],
    };
    expect(decidersFor(governance, workstreams, 'A')).toEqual(['PFH']);
    expect(decidersFor(governance, workstreams, 'C')).toEqual(['PFH', 'DCO']);
    expect(isDecider(governance, workstreams, 'A', ['ades'])).toBe(false);
    expect(isDecider(governance, workstreams, 'B', ['dco'])).toBe(true);
  });
});
