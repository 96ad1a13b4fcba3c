import { PortalIcon } from '../icons';
import { Role, ROLES, SessionUser } from '@achievement/contracts';

/** Who sees an entry: a role, or 'anonymous' for visitors who are not signed in. */
export type Audience = Role | 'anonymous';

/** One entry of the side navigation. Features add their entries here. */
export interface NavEntry {
  readonly label: string;
  /** A Material Symbols icon name. */
  readonly icon: PortalIcon;
  readonly path: string;
  readonly roles: readonly Audience[];
  /** A page outside the Angular app (opens in a new tab). */
  readonly external?: boolean;
  /** Marked current only on its own path, not on the pages under it (like Home). */
  readonly exact?: boolean;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { label: 'Home', icon: 'home', path: '/', roles: ROLES },
  // Centre staff's pages, in the order of the Centre Portal guide.
  { label: 'Jobs Issued', icon: 'inventory_2', path: '/jobs', roles: ['centre_staff'] },
  { label: 'Records', icon: 'folder_shared', path: '/records', roles: ['centre_staff'] },
  { label: 'Downloads', icon: 'download', path: '/downloads', roles: ['centre_staff'] },
  { label: 'Reports', icon: 'flag', path: '/reports', roles: ['centre_staff'] },
  // Learners' and third parties' pages.
  { label: 'My documents', icon: 'description', path: '/learner', roles: ['learner'], exact: true },
  { label: 'Connections', icon: 'share', path: '/learner/connections', roles: ['learner'] },
  { label: 'Shared with me', icon: 'folder_open', path: '/third-party', roles: ['third_party'] },
  // Commerce: printed copies of documents (centre staff and learners).
  { label: 'Store', icon: 'storefront', path: '/store', roles: ['centre_staff', 'learner'] },
  { label: 'Orders', icon: 'receipt_long', path: '/orders', roles: ['centre_staff', 'learner'] },
  // The admin remote's pages (apps/admin/src/app/admin.routes.ts).
  { label: 'Registrations', icon: 'how_to_reg', path: '/admin/registrations', roles: ['administrator'] },
  { label: 'Centres', icon: 'domain', path: '/admin/centres', roles: ['administrator'] },
  { label: 'Accounts', icon: 'manage_accounts', path: '/admin/users', roles: ['administrator'] },
  { label: 'Jobs', icon: 'work_history', path: '/admin/jobs', roles: ['administrator'] },
  { label: 'Verifications', icon: 'fact_check', path: '/admin/verifications', roles: ['administrator'] },
  { label: 'Qualifications', icon: 'school', path: '/admin/qualifications', roles: ['administrator'] },
  { label: 'Orders', icon: 'local_shipping', path: '/admin/orders', roles: ['administrator'] },
  { label: 'Products', icon: 'sell', path: '/admin/products', roles: ['administrator'] },
  { label: 'Credit accounts', icon: 'account_balance', path: '/admin/credit-accounts', roles: ['administrator'] },
  { label: 'Reported issues', icon: 'report', path: '/admin/reports', roles: ['administrator', 'support'] },
  { label: 'Email log', icon: 'outgoing_mail', path: '/admin/emails', roles: ['administrator', 'support'] },
  { label: 'Queues', icon: 'stacks', path: '/api/admin/queues/', roles: ['administrator'], external: true },
  // Smart Verify: public, for everyone.
  { label: 'Verify a document', icon: 'verified', path: '/verify', roles: [...ROLES, 'anonymous'] },
  { label: 'Profile', icon: 'person', path: '/profile', roles: ROLES },
  { label: 'Support', icon: 'support_agent', path: '/support', roles: [...ROLES, 'anonymous'] },
  { label: 'Sign in', icon: 'login', path: '/sign-in', roles: ['anonymous'] },
];

/** The entries the user (null: an anonymous visitor) may see, in menu order. */
export function navEntriesFor(user: SessionUser | null, entries: readonly NavEntry[] = NAV_ENTRIES): NavEntry[] {
  const audience: Audience = user ? user.role : 'anonymous';
  return entries.filter((entry) => entry.roles.includes(audience));
}
