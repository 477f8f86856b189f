import { describe, expect, it } from 'vitest';
import type { Person, Role } from '../../src/domain/people.js';
import { peopleNamesOf } from '../../src/domain/people-names.js';

const role = (code: string, title: string, person: string | null): Role => ({
  programmeId: 'wsoa',
  code,
  title,
  person,
  deputy: null,
});
const person = (email: string, name: string | null): Person => ({
  email,
  name,
  aadObjectId: null,
  awayUntil: null,
  unreachable: null,
});

describe('people by name and job title', () => {
  const names = peopleNamesOf(
    [
      role('ADES', 'Assistant Director Education and Skills', 'ades@council.example'),
      role('SLSESEND', 'Strategic Lead School Effectiveness and SEND', 'slsesend@council.example'),
      role('DCO', 'Designated Clinical Officer', null),
    ],
    [person('ades@council.example', 'Sam Jones'), person('slsesend@council.example', null)],
  );

  it('shows a role as its holder’s name (from Teams) and its title (from the Roles sheet)', () => {
    expect(names.role('ADES')).toBe('Sam Jones, Assistant Director Education and Skills');
    expect(names.role('ades')).toBe('Sam Jones, Assistant Director Education and Skills');
  });

  it('shows the title alone when Teams has not told us the holder’s name, or nobody holds it', () => {
    expect(names.role('SLSESEND')).toBe('Strategic Lead School Effectiveness and SEND');
    expect(names.role('DCO')).toBe('Designated Clinical Officer');
  });

  it('shows a person by name, else by the title of the role they hold, and only then by email', () => {
    expect(names.person('ADES@council.example')).toBe('Sam Jones');
    expect(names.person('slsesend@council.example')).toBe(
      'Strategic Lead School Effectiveness and SEND',
    );
    expect(names.person('someone@else.example')).toBe('someone@else.example');
  });

  it('keeps a code the Roles sheet does not have', () => {
    expect(names.role('XYZ')).toBe('XYZ');
  });
});
