import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { learnerNameWords, nameWordsText } from './learner-name-words';

/** What the search index needs of a document: its id, its centre and the learner name printed on it. */
export interface IndexableDocument {
  id: number;
  centreId: number;
  learnerName: string;
}

const ROWS_PER_STATEMENT = 1000;

/**
 * The rows Records searches learner names by (record_name_words). Whoever inserts or changes
 * documents calls indexDocuments in the same transaction, after the document rows are inserted
 * (their ids are needed): issuing a job, a reissue. Calling it twice for a document is harmless.
 */
@Injectable()
export class RecordSearchIndex {
  indexDocuments(manager: EntityManager, docs: readonly IndexableDocument[]): Promise<void> {
    return indexRecordNames(manager, docs);
  }

  /** Forgets the words of these documents (before their names change, or when rows are deleted). */
  async removeDocuments(manager: EntityManager, documentIds: readonly number[]): Promise<void> {
    for (let i = 0; i < documentIds.length; i += ROWS_PER_STATEMENT) {
      const ids = documentIds.slice(i, i + ROWS_PER_STATEMENT);
      await manager.query(`DELETE FROM record_name_words WHERE document_id IN (${ids.map(() => '?').join(',')})`, ids);
    }
  }
}

/** The same as RecordSearchIndex.indexDocuments, for code that has no Nest container (scripts, the seeder). */
export async function indexRecordNames(manager: EntityManager, docs: readonly IndexableDocument[]): Promise<void> {
  let values: (number | string)[] = [];
  let rows = 0;
  const flush = async () => {
    if (rows === 0) return;
    await manager.query(
      `INSERT IGNORE INTO record_name_words (centre_id, word, document_id, name_words) VALUES ${new Array(rows).fill('(?,?,?,?)').join(',')}`,
      values,
    );
    values = [];
    rows = 0;
  };
  for (const doc of docs) {
    const words = learnerNameWords(doc.learnerName);
    const all = nameWordsText(words);
    for (const word of words) {
      values.push(doc.centreId, word, doc.id, all);
      if (++rows >= ROWS_PER_STATEMENT) await flush();
    }
  }
  await flush();
}
