export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'captured', 'failed', 'suppressed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** A row of the administrators' Email log (GET /api/admin/emails). */
export interface EmailSummary {
  id: number;
  to: string;
  subject: string | null;
  template: string;
  status: EmailStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** One email with its rendered bodies (GET /api/admin/emails/:id). */
export interface EmailDetail extends EmailSummary {
  messageId: string;
  html: string | null;
  text: string | null;
}

export interface SendTestEmailRequest {
  to: string;
}
