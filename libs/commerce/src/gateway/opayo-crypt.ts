import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * The Crypt field of the Opayo Form protocol: the Name=Value&… text, AES-128-CBC with the vendor's
 * encryption password as both key and IV, PKCS#5 padding, hex in upper case, after an "@".
 */
export function encryptCrypt(fields: Record<string, string>, password: string): string {
  const cipher = createCipheriv('aes-128-cbc', keyOf(password), keyOf(password));
  return `@${Buffer.concat([cipher.update(Buffer.from(toFieldText(fields), 'utf8')), cipher.final()])
    .toString('hex')
    .toUpperCase()}`;
}

/** The fields of a Crypt, or null when it was not made with this password (or is not a Crypt at all). */
export function decryptCrypt(crypt: string, password: string): Record<string, string> | null {
  const text = decryptCryptText(crypt, password);
  return text === null ? null : fromFieldText(text);
}

/**
 * The Name=Value text of a Crypt, or null when it does not decrypt (not hex, bad padding). A text
 * that decrypts is not proof of anything: CBC without a MAC lets altered bytes decrypt too.
 */
export function decryptCryptText(crypt: string, password: string): string | null {
  const hex = crypt.startsWith('@') ? crypt.slice(1) : crypt;
  if (!/^(?:[0-9A-Fa-f]{32})+$/.test(hex) || hex.length > 20_000) return null;
  try {
    const decipher = createDecipheriv('aes-128-cbc', keyOf(password), keyOf(password));
    return Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString('utf8');
  } catch {
    return null; // bad padding: another key, or altered bytes
  }
}

function keyOf(password: string): Buffer {
  const key = Buffer.from(password, 'utf8');
  if (key.length !== 16) throw new Error('The Opayo encryption password must be 16 bytes');
  return key;
}

/**
 * Name=Value pairs joined by "&". Opayo does not URL-encode values, so a value may not hold "&";
 * such characters are replaced with a space (they only occur in free text such as names).
 */
export function toFieldText(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${v.replace(/[&=]/g, ' ')}`)
    .join('&');
}

export function fromFieldText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
