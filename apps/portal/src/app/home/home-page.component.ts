import { PortalIcon } from '../icons';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Role } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { PortalApiClient } from '../api/portal-api.client';
import { SessionService } from '../session/session.service';

/** One line per role under the welcome. */
const ROLE_INTROS: Record<Role, string> = {
  centre_staff: 'You act for your centre in the portal.',
  administrator: 'You administer the portal. The Email log shows every email the portal sends.',
  support: 'You help the people who use the portal. The Email log shows every email the portal sends.',
  learner: 'This is your own space in the portal: see, download and share the documents you were awarded.',
  third_party: 'This is your own space in the portal: see and verify the documents learners share with you.',
};

/** A button of a dashboard section. */
export interface DashboardAction {
  readonly label: string;
  readonly path: string;
  readonly fragment?: string;
  /** the section's main action (a filled button) */
  readonly primary?: boolean;
}

/** A section of the dashboard: what it is for and where its buttons lead. */
export interface DashboardSection {
  readonly id: string;
  readonly title: string;
  readonly icon: PortalIcon;
  readonly text: string;
  readonly actions: readonly DashboardAction[];
}

const PROFILE: DashboardSection = {
  id: 'profile',
  title: 'Profile',
  icon: 'person',
  text: 'Your name, phone and address (used for billing and delivery when you order printed copies), and your password.',
  actions: [
    { label: 'View and Edit My Profile', path: '/profile', primary: true },
    { label: 'Manage', path: '/profile', fragment: 'manage' },
  ],
};

const PRINTED_COPIES: DashboardSection = {
  id: 'printed-copies',
  title: 'Printed copies',
  icon: 'storefront',
  text: 'Order printed copies of documents, and follow your orders.',
  actions: [
    { label: 'Store', path: '/store', primary: true },
    { label: 'Orders', path: '/orders' },
  ],
};

/** The dashboard of each role, in the order of the Centre Portal guide. */
export const DASHBOARD_SECTIONS: Record<Role, readonly DashboardSection[]> = {
  centre_staff: [
    {
      id: 'documents',
      title: 'Documents',
      icon: 'inventory_2',
      text: "See the documents issued to your centre's learners, by job or by learner record, and notify learners that they are available.",
      actions: [
        { label: 'Jobs Issued', path: '/jobs', primary: true },
        { label: 'Records', path: '/records' },
      ],
    },
    {
      id: 'downloads',
      title: 'Downloads',
      icon: 'download',
      text: 'Zip files of documents you asked for from Records, for regulatory purposes. They are removed 7 days after they are made.',
      actions: [{ label: 'Downloads', path: '/downloads', primary: true }],
    },
    {
      id: 'reports',
      title: 'Reported problems',
      icon: 'flag',
      text: 'Problems you reported on documents, and the answers of the Centre Services team.',
      actions: [{ label: 'Reports', path: '/reports', primary: true }],
    },
    PRINTED_COPIES,
    PROFILE,
  ],
  learner: [
    {
      id: 'my-documents',
      title: 'My documents',
      icon: 'description',
      text: 'The documents you were awarded, and who checked them with Smart Verify.',
      actions: [{ label: 'View my documents', path: '/learner', primary: true }],
    },
    {
      id: 'connections',
      title: 'Connections',
      icon: 'share',
      text: 'Share documents with an employer or another third party for as long as you choose, and answer their requests.',
      actions: [{ label: 'Manage', path: '/learner/connections', primary: true }],
    },
    PRINTED_COPIES,
    PROFILE,
  ],
  third_party: [
    {
      id: 'shared-with-me',
      title: 'Shared with me',
      icon: 'folder_open',
      text: 'The documents learners share with you, with their live status, and your requests for access.',
      actions: [{ label: 'Shared with me', path: '/third-party', primary: true }],
    },
    PROFILE,
  ],
  administrator: [
    {
      id: 'administration',
      title: 'Administration',
      icon: 'admin_panel_settings',
      text: 'Registrations to review, centres, accounts, jobs, orders and reported problems.',
      actions: [
        { label: 'Registrations', path: '/admin/registrations', primary: true },
        { label: 'Jobs', path: '/admin/jobs' },
        { label: 'Reported issues', path: '/admin/reports' },
      ],
    },
    PROFILE,
  ],
  support: [
    {
      id: 'reported-issues',
      title: 'Reported issues',
      icon: 'report',
      text: 'Problems reported on documents: triage them, answer the reporter, correct or revoke documents.',
      actions: [{ label: 'Reported issues', path: '/admin/reports', primary: true }],
    },
    PROFILE,
  ],
};

/** Home: a welcome that says who is signed in, and the dashboard of the user's role (the route requires a user). */
@Component({
  selector: 'ap-home-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink],
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  private readonly session = inject(SessionService);
  private readonly api = inject(PortalApiClient);

  readonly user = this.session.user;
  readonly roleLabel = this.session.roleLabel;
  readonly intro = computed(() => {
    const user = this.user();
    return user ? ROLE_INTROS[user.role] : '';
  });
  readonly sections = computed(() => {
    const user = this.user();
    return user ? DASHBOARD_SECTIONS[user.role] : [];
  });

  /** A learner's connections, for the Connections section's summary. */
  readonly connections = rxResource({
    params: () => this.user()?.role === 'learner' || undefined,
    stream: () => this.api.listLearnerConnections(),
    defaultValue: [],
  });
  readonly connectionSummary = computed(() => {
    if (this.user()?.role !== 'learner' || !this.connections.hasValue()) {
      return null;
    }
    const all = this.connections.value();
    const waiting = all.filter((c) => c.status === 'pending' && c.origin === 'third_party').length;
    const active = all.filter((c) => c.status === 'active').length;
    const parts = [
      `${active} active connection${active === 1 ? '' : 's'}`,
      ...(waiting > 0 ? [`${waiting} request${waiting === 1 ? '' : 's'} waiting for your answer`] : []),
    ];
    return parts.join('; ');
  });
}
