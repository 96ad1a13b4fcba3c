import { EmailDetail, EmailSummary, SessionResponse } from '@achievement/contracts';

export function anEmail(overrides: Partial<EmailSummary> = {}): EmailSummary {
  return {
    id: 1,
    to: 'lee@example.org',
    subject: 'Your certificate is ready',
    template: 'certificate-ready',
    status: 'sent',
    attempts: 1,
    createdAt: '2026-11-28T10:15:00.000Z',
    sentAt: '2026-11-28T10:15:03.000Z',
    lastError: null,
    ...overrides,
  };
}

export function anEmailDetail(overrides: Partial<EmailDetail> = {}): EmailDetail {
  return {
    ...anEmail(),
    messageId: '<0c1d@portal.example>',
    html: '<html><head><title>x</title></head><body><p>Hello <a href="https://example.org/verify/1">verify</a></p></body></html>',
    text: 'Hello\n\nVerify: https://example.org/verify/1',
    ...overrides,
  };
}

export const ADMINISTRATOR_SESSION: SessionResponse = {
  user: { id: 1, email: 'ada@example.org', name: 'Ada Admin', role: 'administrator', centre: null },
};

export const SUPPORT_SESSION: SessionResponse = {
  user: { id: 2, email: 'sam@example.org', name: 'Sam Support', role: 'support', centre: null },
};
