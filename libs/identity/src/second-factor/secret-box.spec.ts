import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a-passphrase-of-at-least-thirty-two-characters');

  it('opens what it sealed, and the sealed bytes do not contain the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 7);
    expect(sealed.toString('latin1')).not.toContain('JBSWY3DP');
    expect(box.open(sealed, 7)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('refuses a secret moved to another account, altered, or sealed with another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 7);
    expect(box.open(sealed, 8)).toBeNull();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(box.open(altered, 7)).toBeNull();
    expect(new SecretBox('another-passphrase-of-thirty-two-characters!').open(sealed, 7)).toBeNull();
  });
});
