import { DocumentStatus } from '@achievement/contracts';

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  valid: 'Valid',
  superseded: 'Superseded',
  revoked: 'Revoked',
};
