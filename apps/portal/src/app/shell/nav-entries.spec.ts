import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, SUPPORT } from '../../testing/session-stub';
import { navEntriesFor } from './nav-entries';

const labels = (entries: { label: string }[]) => entries.map((entry) => entry.label);

describe('navEntriesFor', () => {
  it('gives an administrator the review queue, centres, accounts, the Email log, the Queues dashboard and the profile', () => {
    expect(labels(navEntriesFor(ADMINISTRATOR))).toEqual(['Home', 'Registrations', 'Centres', 'Accounts', 'Email log', 'Queues', 'Profile']);
  });

  it('gives support Home, the Email log and the profile, but none of the administrators-only pages', () => {
    expect(labels(navEntriesFor(SUPPORT))).toEqual(['Home', 'Email log', 'Profile']);
  });

  it('gives centre staff and learners their profile, but neither the Email log nor Queues', () => {
    expect(labels(navEntriesFor(CENTRE_STAFF))).toEqual(['Home', 'Profile']);
    expect(labels(navEntriesFor(LEARNER))).toEqual(['Home', 'Profile']);
  });

  it('points the administrators-only entries into the admin remote', () => {
    const paths = Object.fromEntries(navEntriesFor(ADMINISTRATOR).map((entry) => [entry.label, [entry.path, entry.icon]]));
    expect(paths['Registrations']).toEqual(['/admin/registrations', 'how_to_reg']);
    expect(paths['Centres']).toEqual(['/admin/centres', 'domain']);
    expect(paths['Accounts']).toEqual(['/admin/users', 'manage_accounts']);
    expect(paths['Profile']).toEqual(['/profile', 'person']);
  });

  it('gives an anonymous visitor only Sign in', () => {
    expect(labels(navEntriesFor(null))).toEqual(['Sign in']);
  });

  it('marks Queues as an external page of the API', () => {
    const queues = navEntriesFor(ADMINISTRATOR).find((entry) => entry.label === 'Queues');
    expect(queues).toMatchObject({ path: '/api/admin/queues/', external: true });
  });
});
