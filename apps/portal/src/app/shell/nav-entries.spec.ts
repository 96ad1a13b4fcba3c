import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, SUPPORT } from '../../testing/session-stub';
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
      'Reported issues',
      'Email log',
      'Queues',
      'Verify a document',
      'Profile',
    ]);
  });

  it('gives support Home, reported issues, the Email log and the profile, but none of the administrators-only pages', () => {
    expect(labels(navEntriesFor(SUPPORT))).toEqual(['Home', 'Reported issues', 'Email log', 'Verify a document', 'Profile']);
  });

  it('gives centre staff Jobs Issued, Records, Downloads and Reports (in the order of the guide) and their profile, but neither the Email log nor Queues', () => {
    expect(labels(navEntriesFor(CENTRE_STAFF))).toEqual(['Home', 'Jobs Issued', 'Records', 'Downloads', 'Reports', 'Verify a document', 'Profile']);
  });

  it('points the centre staff entries at their pages, with icons', () => {
    const paths = Object.fromEntries(navEntriesFor(CENTRE_STAFF).map((entry) => [entry.label, [entry.path, entry.icon]]));
    expect(paths['Jobs Issued']).toEqual(['/jobs', 'inventory_2']);
    expect(paths['Records']).toEqual(['/records', 'folder_shared']);
    expect(paths['Downloads']).toEqual(['/downloads', 'download']);
    expect(paths['Reports']).toEqual(['/reports', 'flag']);
  });

  it('gives learners their profile, but none of the centre or admin pages', () => {
    expect(labels(navEntriesFor(LEARNER))).toEqual(['Home', 'Verify a document', 'Profile']);
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

  it('gives an anonymous visitor Verify a document and Sign in', () => {
    expect(labels(navEntriesFor(null))).toEqual(['Verify a document', 'Sign in']);
  });

  it('points Verify a document at the public /verify page for everyone, anonymous visitors included', () => {
    for (const user of [null, ADMINISTRATOR, SUPPORT, CENTRE_STAFF, LEARNER]) {
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
