import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One document of a zip, at its place in the zip. */
@Entity('download_request_documents')
export class DownloadRequestDocument {
  @PrimaryColumn({ name: 'request_id', type: 'int', unsigned: true })
  requestId: number;
  @PrimaryColumn({ type: 'int', unsigned: true }) position: number;
  @Column({ name: 'document_id', type: 'int', unsigned: true })
  documentId: number;
}
