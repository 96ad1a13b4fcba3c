import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, SUPPORT } from '../../testing/session-stub';
import { navEntriesFor } from './nav-entries';

const labels = (entries: { label: string }[]) => entries.map((entry) => entry.label);

describe('navEntriesFor', () => {
  it('gives an administrator Home, the Email log and the Queues dashboard', () => {
    expect(labels(navEntriesFor(ADMINISTRATOR))).toEqual(['Home', 'Email log', 'Queues']);
  });

  it('gives support Home and the Email log but not the Queues dashboard', () => {
    expect(labels(navEntriesFor(SUPPORT))).toEqual(['Home', 'Email log']);
  });

  it('gives centre staff and learners neither the Email log nor Queues', () => {
    expect(labels(navEntriesFor(CENTRE_STAFF))).toEqual(['Home']);
    expect(labels(navEntriesFor(LEARNER))).toEqual(['Home']);
  });

  it('gives an anonymous visitor only Sign in', () => {
    expect(labels(navEntriesFor(null))).toEqual(['Sign in']);
  });

  it('marks Queues as an external page of the API', () => {
    const queues = navEntriesFor(ADMINISTRATOR).find((entry) => entry.label === 'Queues');
    expect(queues).toMatchObject({ path: '/api/admin/queues/', external: true });
  });
});
