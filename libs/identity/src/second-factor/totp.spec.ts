import { acceptedTotpStep, totpCodeAt, newTotpSecret } from './totp';
import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';

describe('TOTP window', () => {
  const secret = newTotpSecret();
  // a moment 10 s into a 30-second step
  const now = new Date(Math.floor(Date.UTC(2026, 11, 3, 9, 0, 0) / 30_000) * 30_000 + 10_000);
  const step = Math.floor(now.getTime() / 30_000);
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);

  it('accepts the code of the current step and of the steps just before and after', async () => {
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, now), now, null)).toBe(step);
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, at(-1)), now, null)).toBe(step - 1);
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, at(1)), now, null)).toBe(step + 1);
  });

  it('refuses a code two steps away on either side', async () => {
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, at(-2)), now, null)).toBeNull();
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, at(2)), now, null)).toBeNull();
  });

  it('refuses a code of a step already used, or older', async () => {
    const code = await totpCodeAt(secret, now);
    expect(await acceptedTotpStep(secret, code, now, step)).toBeNull();
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, at(-1)), now, step)).toBeNull();
    expect(await acceptedTotpStep(secret, await totpCodeAt(secret, at(1)), now, step)).toBe(step + 1);
  });

  it('refuses what is not six digits', async () => {
    expect(await acceptedTotpStep(secret, '12345', now, null)).toBeNull();
    expect(await acceptedTotpStep(secret, 'abcdef', now, null)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are three groups of four unambiguous characters, typed back in any case with or without dashes', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
    const typed = ` ${code.toUpperCase().replace(/-/g, ' ')} `;
    expect(recoveryCodeHash(normaliseRecoveryCode(typed)!)).toBe(recoveryCodeHash(normaliseRecoveryCode(code)!));
    expect(normaliseRecoveryCode('too-short')).toBeNull();
  });
});
