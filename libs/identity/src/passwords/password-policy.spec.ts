import { isCommon, passwordProblem } from './password-policy';

describe('password policy', () => {
  const owner = { email: 'ada.lovelace@example.org', firstName: 'Ada', lastName: 'Lovelace' };

  it.each([
    'password',
    'Password1',
    'P@ssw0rd!2024',
    '12345678',
    'qwertyuiop',
    'iloveyou123',
    'sunshine42',
    'Monkey2025',
    '1q2w3e4r5t',
    'football!!',
    'aaaaaaaa',
  ])('refuses the common password %s', (password) => {
    expect(isCommon(password)).toBe(true);
    expect(passwordProblem(password, owner)).toMatch(/too common/);
  });

  it.each(['correct-horse-battery-9', 'violet-harbour-lantern-47', 'Tr0ub4dor&3-zebra', 'zq8#mL2pWv', 'demo-portal-2026'])('accepts %s', (password) => {
    expect(passwordProblem(password, owner)).toBeNull();
  });

  it('counts characters, not bytes, and never truncates', () => {
    expect(passwordProblem('ü'.repeat(8), owner)).toBeNull();
    expect(passwordProblem('😀'.repeat(7), owner)).toMatch(/at least 8/);
    expect(passwordProblem('x1-'.repeat(43), owner)).toMatch(/at most 128/); // 129 characters
    expect(passwordProblem(`${'granite meadow '.repeat(8)}lant`.slice(0, 128), owner)).toBeNull();
  });

  it('refuses the email and the name, whatever the case, accents or spacing', () => {
    expect(passwordProblem('ADA.LOVELACE@example.org', owner)).toMatch(/email/);
    expect(passwordProblem('my-lovelace-days', owner)).toMatch(/name/);
    expect(passwordProblem('Lové lace rocks 9', { ...owner, lastName: 'Lovélace' })).toMatch(/name/);
    // a name of one or two letters is too short to judge by
    expect(passwordProblem('granite-meadow-xi', { ...owner, firstName: 'Xi' })).toBeNull();
  });
});
