import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records search folds letters that removing accents leaves alone (ı → i, ß → ss, ø → o, æ → ae,
 * ł → l, …), so "kilic" finds Kılıç. The stored words of record_name_words are folded the same
 * way here (the table is a copy of documents' LETTER_FOLDS as it was when this migration was
 * written; a test holds the two equal). Words are stored lower-case, so lower-case letters are
 * enough. A folded word that another word of the same document already is (both "łukasz" and
 * "lukasz") is dropped: the other row finds the document.
 */
export const RECORDS_LETTER_FOLDS: readonly (readonly [string, string])[] = [
  ['ı', 'i'],
  ['ß', 'ss'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  ['ŀ', 'l'],
];

function folded(column: string): string {
  return RECORDS_LETTER_FOLDS.reduce((sql, [from, to]) => `REPLACE(${sql}, '${from}', '${to}')`, column);
}

export class RecordsLetterFolding1764390000000 implements MigrationInterface {
  name = 'RecordsLetterFolding1764390000000';

  async up(q: QueryRunner): Promise<void> {
    const changed = `(BINARY word <> BINARY ${folded('word')} OR BINARY name_words <> BINARY ${folded('name_words')})`;
    await q.query(`UPDATE IGNORE record_name_words SET word = ${folded('word')}, name_words = ${folded('name_words')} WHERE ${changed}`);
    await q.query(`DELETE FROM record_name_words WHERE ${changed}`);
  }

  async down(): Promise<void> {
    // Folding cannot be undone (the letters are gone); folded words are still found by searches
    // typed without those letters, which is all the code before this migration could match.
  }
}
