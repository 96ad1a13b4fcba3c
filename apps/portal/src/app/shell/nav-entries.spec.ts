import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, SUPPORT, THIRD_PARTY } from '../../testing/session-stub';
import { navEntriesFor } from './nav-entries';

const labels = (entries: { label: string }[]) => entries.map((entry) => entry.label);

describe('navEntriesFor', () => {
  it('gives an administrator the review queue, centres, accounts, jobs, verifications, qualifications, reported issues, the Email log, the Queues dashboard, Verify a document and the profile', () => {
    expect(labels(navEntriesFor(ADMINISTRATOR))).toEqual([
      'Home',
      'Registrations',
      'Centres',
      'Accounts',
      'Jobs',
      'Verifications',
      'Qualifications',
      'Orders',
      'Products',
      'Credit accounts',
      'Reported issues',
      'Email log',
      'Queues',
      'Verify a document',
      'Profile',
      'Support',
    ]);
  });

  it('gives support Home, reported issues, the Email log and the profile, but none of the administrators-only pages', () => {
    expect(labels(navEntriesFor(SUPPORT))).toEqual(['Home', 'Reported issues', 'Email log', 'Verify a document', 'Profile', 'Support']);
  });

  it('gives centre staff Jobs Issued, Records, Downloads and Reports (in the order of the guide) and their profile, but neither the Email log nor Queues', () => {
    expect(labels(navEntriesFor(CENTRE_STAFF))).toEqual([
      'Home',
      'Jobs Issued',
      'Records',
      'Downloads',
      'Reports',
      'Store',
      'Orders',
      'Verify a document',
      'Profile',
      'Support',
    ]);
  });

  it('points the centre staff entries at their pages, with icons', () => {
    const paths = Object.fromEntries(navEntriesFor(CENTRE_STAFF).map((entry) => [entry.label, [entry.path, entry.icon]]));
    expect(paths['Jobs Issued']).toEqual(['/jobs', 'inventory_2']);
    expect(paths['Records']).toEqual(['/records', 'folder_shared']);
    expect(paths['Downloads']).toEqual(['/downloads', 'download']);
    expect(paths['Reports']).toEqual(['/reports', 'flag']);
  });

  it('gives learners My documents, Connections and their profile, but none of the centre or admin pages', () => {
    expect(labels(navEntriesFor(LEARNER))).toEqual(['Home', 'My documents', 'Connections', 'Store', 'Orders', 'Verify a document', 'Profile', 'Support']);
  });

  it('points the learner entries at their pages, My documents marked current only on its own path', () => {
    const entries = Object.fromEntries(navEntriesFor(LEARNER).map((entry) => [entry.label, entry]));
    expect(entries['My documents']).toMatchObject({ path: '/learner', icon: 'description', exact: true });
    expect(entries['Connections']).toMatchObject({ path: '/learner/connections', icon: 'share' });
  });

  it('gives third parties Shared with me and their profile, and nobody else sees it', () => {
    expect(labels(navEntriesFor(THIRD_PARTY))).toEqual(['Home', 'Shared with me', 'Verify a document', 'Profile', 'Support']);
    expect(navEntriesFor(THIRD_PARTY).find((entry) => entry.label === 'Shared with me')?.path).toBe('/third-party');
    for (const user of [null, ADMINISTRATOR, SUPPORT, CENTRE_STAFF, LEARNER]) {
      expect(labels(navEntriesFor(user))).not.toContain('Shared with me');
    }
    for (const user of [null, ADMINISTRATOR, SUPPORT, CENTRE_STAFF, THIRD_PARTY]) {
      expect(labels(navEntriesFor(user))).not.toContain('My documents');
      expect(labels(navEntriesFor(user))).not.toContain('Connections');
    }
  });

  it('points the administrators-only entries into the admin remote', () => {
    const paths = Object.fromEntries(navEntriesFor(ADMINISTRATOR).map((entry) => [entry.label, [entry.path, entry.icon]]));
    expect(paths['Registrations']).toEqual(['/admin/registrations', 'how_to_reg']);
    expect(paths['Centres']).toEqual(['/admin/centres', 'domain']);
    expect(paths['Accounts']).toEqual(['/admin/users', 'manage_accounts']);
    expect(paths['Profile']).toEqual(['/profile', 'person']);
  });

  it('points Jobs (administrators) and Reported issues (support and administrators) into the admin remote', () => {
    const paths = Object.fromEntries(navEntriesFor(ADMINISTRATOR).map((entry) => [entry.label, entry.path]));
    expect(paths['Jobs']).toBe('/admin/jobs');
    expect(paths['Reported issues']).toBe('/admin/reports');
    expect(navEntriesFor(SUPPORT).find((entry) => entry.label === 'Reported issues')?.path).toBe('/admin/reports');
  });

  it('gives centre staff and learners the Store and their Orders, and nobody else', () => {
    for (const user of [CENTRE_STAFF, LEARNER]) {
      const entries = Object.fromEntries(navEntriesFor(user).map((entry) => [entry.label, [entry.path, entry.icon]]));
      expect(entries['Store']).toEqual(['/store', 'storefront']);
      expect(entries['Orders']).toEqual(['/orders', 'receipt_long']);
    }
    for (const user of [null, SUPPORT, THIRD_PARTY]) {
      expect(labels(navEntriesFor(user))).not.toContain('Store');
      expect(labels(navEntriesFor(user))).not.toContain('Orders');
    }
    expect(labels(navEntriesFor(ADMINISTRATOR))).not.toContain('Store');
  });

  it("points the administrators' Orders, Products and Credit accounts into the admin remote, for administrators only", () => {
    const paths = Object.fromEntries(navEntriesFor(ADMINISTRATOR).map((entry) => [entry.label, entry.path]));
    expect(paths['Orders']).toBe('/admin/orders');
    expect(paths['Products']).toBe('/admin/products');
    expect(paths['Credit accounts']).toBe('/admin/credit-accounts');
    expect(labels(navEntriesFor(SUPPORT))).not.toContain('Products');
    expect(labels(navEntriesFor(SUPPORT))).not.toContain('Credit accounts');
  });

  it('gives an anonymous visitor Verify a document and Sign in', () => {
    expect(labels(navEntriesFor(null))).toEqual(['Verify a document', 'Support', 'Sign in']);
  });

  it('points Verify a document at the public /verify page for everyone, anonymous visitors included', () => {
    for (const user of [null, ADMINISTRATOR, SUPPORT, CENTRE_STAFF, LEARNER, THIRD_PARTY]) {
      expect(navEntriesFor(user).find((entry) => entry.label === 'Verify a document')).toMatchObject({ path: '/verify', icon: 'verified' });
    }
  });

  it('points Verifications and Qualifications (administrators only) into the admin remote', () => {
    const paths = Object.fromEntries(navEntriesFor(ADMINISTRATOR).map((entry) => [entry.label, entry.path]));
    expect(paths['Verifications']).toBe('/admin/verifications');
    expect(paths['Qualifications']).toBe('/admin/qualifications');
    expect(labels(navEntriesFor(SUPPORT))).not.toContain('Verifications');
  });

  it('marks Queues as an external page of the API', () => {
    const queues = navEntriesFor(ADMINISTRATOR).find((entry) => entry.label === 'Queues');
    expect(queues).toMatchObject({ path: '/api/admin/queues/', external: true });
  });
});
