import { UserStatus } from '@achievement/contracts';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  pending_verification: 'Email not verified',
  awaiting_review: 'Awaiting review',
  active: 'Active',
  rejected: 'Rejected',
  deleted: 'Deleted',
};
