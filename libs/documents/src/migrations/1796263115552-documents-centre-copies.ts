import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * documents.centre_copy_key and centre_copy_sha256: the stored centre copy of a document (its PDF
 * stamped "Centre copy — not valid for verification", as the viewer shows it and zips hold it)
 * and its SHA-256, so that "Check a PDF" recognises a centre copy and says whose it is. Empty for
 * documents rendered before: their copy is stamped and recorded when first needed.
 */
export class DocumentsCentreCopies1796263115552 implements MigrationInterface {
  name = 'DocumentsCentreCopies1796263115552';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE documents
         ADD COLUMN centre_copy_key VARCHAR(200) NULL AFTER sha256,
         ADD COLUMN centre_copy_sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER centre_copy_key,
         ADD KEY ix_documents_centre_copy_sha256 (centre_copy_sha256)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE documents DROP KEY ix_documents_centre_copy_sha256, DROP COLUMN centre_copy_sha256, DROP COLUMN centre_copy_key');
  }
}
