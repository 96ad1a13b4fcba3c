import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;

/**
 * Seals short secrets (authenticator-app keys) for the database with AES-256-GCM. The key is
 * derived from SECOND_FACTOR_KEY with HKDF; a sealed value is version ‖ 12-byte nonce ‖ tag ‖
 * ciphertext, and the owner's id is bound in as associated data, so a sealed secret copied to
 * another account's row does not open.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(passphrase: string) {
    this.key = Buffer.from(hkdfSync('sha256', passphrase, 'achievement-portal', 'second-factor secrets v1', 32));
  }

  seal(plain: string, ownerId: number): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(`user:${ownerId}`));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  /** The secret, or null when the value was sealed with another key, for another owner, or altered. */
  open(sealed: Buffer, ownerId: number): string | null {
    if (sealed.length < 1 + 12 + 16 || sealed[0] !== VERSION) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 13));
      decipher.setAAD(Buffer.from(`user:${ownerId}`));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
