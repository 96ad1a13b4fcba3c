import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CENTRE_STAFF } from '../../testing/session-stub';
import { SessionService } from './session.service';

describe('SessionService', () => {
  let session: SessionService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    session = TestBed.inject(SessionService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('loads the signed-in user from GET /api/auth/session', async () => {
    const loading = session.load();
    backend.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ user: CENTRE_STAFF });
    await loading;

    expect(session.user()).toEqual(CENTRE_STAFF);
    expect(session.roleLabel()).toBe('Centre staff');
  });

  it('treats the visitor as signed out when the session cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loading = session.load();
    backend.expectOne('/api/auth/session').flush(null, { status: 503, statusText: 'Unavailable' });
    await loading;

    expect(session.user()).toBeNull();
  });

  it('forgets the user on sign-out, even if the API call fails', async () => {
    const loading = session.load();
    backend.expectOne('/api/auth/session').flush({ user: CENTRE_STAFF });
    await loading;

    const signingOut = session.signOut();
    backend.expectOne({ method: 'POST', url: '/api/auth/sign-out' }).flush(null, { status: 500, statusText: 'Error' });
    await expect(signingOut).rejects.toBeTruthy();
    expect(session.user()).toBeNull();
  });

  it('refreshes the user (e.g. a new name), keeping it when the API cannot answer', async () => {
    const loading = session.load();
    backend.expectOne('/api/auth/session').flush({ user: CENTRE_STAFF });
    await loading;

    const refreshing = session.refresh();
    backend.expectOne('/api/auth/session').flush({ user: { ...CENTRE_STAFF, name: 'Caroline Centre' } });
    await refreshing;
    expect(session.user()?.name).toBe('Caroline Centre');

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = session.refresh();
    backend.expectOne('/api/auth/session').flush(null, { status: 503, statusText: 'Unavailable' });
    await failing;
    expect(session.user()?.name).toBe('Caroline Centre');
  });

  it('signs out everywhere through the API, and forgets the user only once it has', async () => {
    const loading = session.load();
    backend.expectOne('/api/auth/session').flush({ user: CENTRE_STAFF });
    await loading;

    const failing = session.signOutEverywhere();
    backend.expectOne({ method: 'POST', url: '/api/auth/sign-out-everywhere' }).flush(null, { status: 500, statusText: 'Error' });
    await expect(failing).rejects.toBeTruthy();
    expect(session.user()).toEqual(CENTRE_STAFF);

    const signingOut = session.signOutEverywhere();
    backend.expectOne({ method: 'POST', url: '/api/auth/sign-out-everywhere' }).flush(null, { status: 204, statusText: 'No Content' });
    await signingOut;
    expect(session.user()).toBeNull();
  });
});
