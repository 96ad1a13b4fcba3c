/** The kinds of people who use the portal. One source of truth for the API and the Angular apps. */
export const ROLES = ['centre_staff', 'administrator', 'support', 'learner', 'third_party'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  centre_staff: 'Centre staff',
  administrator: 'Administrator',
  support: 'Support',
  learner: 'Learner',
  third_party: 'Third party',
};
