import { EmailTemplate } from './email-template';
import { PASSWORD_CHANGED } from './password-changed.template';
import { SECOND_FACTOR_CHANGED } from './second-factor-changed.template';
import { PASSWORD_RESET } from './password-reset.template';
import { REGISTRATION_APPROVED } from './registration-approved.template';
import { REGISTRATION_ATTEMPT_EXISTING } from './registration-attempt-existing.template';
import { REGISTRATION_AWAITING_REVIEW } from './registration-awaiting-review.template';
import { REGISTRATION_REJECTED } from './registration-rejected.template';
import { TEST_MESSAGE } from './test-message.template';
import { VERIFY_EMAIL } from './verify-email.template';
import { LEARNER_DOCUMENTS_AVAILABLE } from './learner-documents-available.template';
import { DOCUMENT_ISSUE_REPORTED } from './document-issue-reported.template';
import { DOCUMENT_REPORT_REPLY } from './document-report-reply.template';
import { JOB_DOCUMENTS_ISSUED } from './job-documents-issued.template';
import { LEARNER_REGISTRATION_UNMATCHED } from './learner-registration-unmatched.template';
import { CONNECTION_INVITATION } from './connection-invitation.template';
import { CONNECTION_REQUESTED } from './connection-requested.template';
import { CONNECTION_REQUEST_ANSWERED } from './connection-request-answered.template';
import { CONNECTION_EXPIRED } from './connection-expired.template';
import { ORDER_PLACED } from './order-placed.template';
import { ORDER_STATUS_CHANGED } from './order-status-changed.template';
import { ORDER_EXPIRED } from './order-expired.template';

/** Every email the portal sends. A lib adds its templates here. */
export const EMAIL_TEMPLATES: readonly EmailTemplate[] = [
  TEST_MESSAGE,
  VERIFY_EMAIL,
  REGISTRATION_AWAITING_REVIEW,
  REGISTRATION_APPROVED,
  REGISTRATION_REJECTED,
  REGISTRATION_ATTEMPT_EXISTING,
  PASSWORD_RESET,
  PASSWORD_CHANGED,
  SECOND_FACTOR_CHANGED,
  LEARNER_DOCUMENTS_AVAILABLE,
  DOCUMENT_ISSUE_REPORTED,
  DOCUMENT_REPORT_REPLY,
  JOB_DOCUMENTS_ISSUED,
  LEARNER_REGISTRATION_UNMATCHED,
  CONNECTION_INVITATION,
  CONNECTION_REQUESTED,
  CONNECTION_REQUEST_ANSWERED,
  CONNECTION_EXPIRED,
  ORDER_PLACED,
  ORDER_STATUS_CHANGED,
  ORDER_EXPIRED,
];
