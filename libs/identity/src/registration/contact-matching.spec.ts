import { differences, matchesExactly, normaliseCentreNumber, normaliseName } from './contact-matching';

describe('matching a registration with a held contact record', () => {
  const held = { firstName: 'José María', lastName: "O'Neil-Brontë", email: 'jm@college.example', dateOfBirth: '1979-11-02', centreNumber: 'SC2002' };

  it('ignores case, accents, spacing, and the kind of apostrophe or dash', () => {
    expect(normaliseName('  JOSE   maria ')).toBe(normaliseName('José María'));
    expect(normaliseName('o’neil bronte')).toBe(normaliseName("O'Neil-Brontë"));
    expect(normaliseCentreNumber(' sc 2002 ')).toBe('SC2002');
    expect(matchesExactly({ ...held, firstName: 'jose maria', lastName: 'ONEIL BRONTE', email: ' JM@College.example ', centreNumber: 'sc2002' }, held)).toBe(
      true,
    );
  });

  it('flags each field that differs', () => {
    expect(differences({ ...held, dateOfBirth: '1979-11-03', firstName: 'Josie' }, held)).toEqual({
      firstName: true,
      lastName: false,
      email: false,
      dateOfBirth: true,
      centreNumber: false,
    });
    expect(matchesExactly({ ...held, email: 'other@college.example' }, held)).toBe(false);
  });
});
