import { MatchField, RegistrationStatus } from '@achievement/contracts';

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending_verification: 'Email not verified yet',
  matched: 'Matched automatically',
  awaiting_review: 'Awaiting review',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** The details compared between a registration and a contact record, as the review page names them. */
export const MATCH_FIELD_LABELS: Record<MatchField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  dateOfBirth: 'Date of birth',
  centreNumber: 'Centre number',
};
