import { EmailStatus } from '@achievement/contracts';

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  captured: 'Captured',
  failed: 'Failed',
  suppressed: 'Suppressed',
};
