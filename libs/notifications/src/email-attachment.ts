/**
 * A file an email carries. The file lives in FileStorage (written by the sender before the email
 * row commits); the outbox row holds only its key, so the row stays small and the file is read
 * when the email is delivered.
 */
export interface EmailAttachment {
  /** the file name the recipient sees (plain letters, digits, '-', '_', '.') */
  filename: string;
  contentType: string;
  /** FileStorage key */
  storageKey: string;
}
