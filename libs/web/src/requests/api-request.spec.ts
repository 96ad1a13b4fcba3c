import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { apiRequest } from './api-request';

describe('apiRequest', () => {
  let backend: HttpTestingController;
  const id = signal<number | undefined>(7);

  function start() {
    return runInInjectionContext(TestBed.inject(Injector), () =>
      apiRequest({
        params: () => id(),
        load: (value) => TestBed.inject(HttpClient).get<{ id: number; name: string }>(`/api/things/${value}`),
        failure: 'The thing could not be loaded.',
      }),
    );
  }
  const settle = () => TestBed.inject(ApplicationRef).tick();

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    id.set(7);
  });
  afterEach(() => backend.verify());

  it('loads, then shows the value; a new parameter asks again', async () => {
    const thing = start();
    settle();
    expect(thing.loading()).toBe(true);
    backend.expectOne('/api/things/7').flush({ id: 7, name: 'seven' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect([thing.loading(), thing.value(), thing.error(), thing.notFound()]).toEqual([false, { id: 7, name: 'seven' }, null, false]);

    id.set(8);
    settle();
    backend.expectOne('/api/things/8').flush({ id: 8, name: 'eight' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(thing.value()).toEqual({ id: 8, name: 'eight' });
  });

  it("shows the API's message on a failure, and Try again asks again", async () => {
    const thing = start();
    settle();
    backend
      .expectOne('/api/things/7')
      .flush({ statusCode: 503, error: 'Service Unavailable', message: 'The database is busy.' }, { status: 503, statusText: 'Service Unavailable' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect([thing.error(), thing.value(), thing.notFound()]).toEqual(['The database is busy.', undefined, false]);

    thing.retry();
    settle();
    backend.expectOne('/api/things/7').flush({ id: 7, name: 'seven' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect([thing.error(), thing.value()]).toEqual([null, { id: 7, name: 'seven' }]);
  });

  it('says the fallback when the API gives no message, and treats 404 as an answer, not a failure', async () => {
    const thing = start();
    settle();
    backend.expectOne('/api/things/7').error(new ProgressEvent('error'), { status: 500, statusText: 'Server Error' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(thing.error()).toBe('The thing could not be loaded.');

    id.set(9);
    settle();
    backend
      .expectOne('/api/things/9')
      .flush({ statusCode: 404, error: 'Not Found', message: 'There is no thing 9.' }, { status: 404, statusText: 'Not Found' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect([thing.notFound(), thing.error(), thing.value()]).toEqual([true, null, undefined]);
  });

  it('asks nothing while the parameter is undefined; a local edit changes the value without asking', async () => {
    id.set(undefined);
    const thing = start();
    settle();
    backend.expectNone(() => true);
    expect([thing.loading(), thing.value()]).toEqual([false, undefined]);

    id.set(7);
    settle();
    backend.expectOne('/api/things/7').flush({ id: 7, name: 'seven' });
    await TestBed.inject(ApplicationRef).whenStable();
    thing.update((value) => ({ ...value, name: 'renamed' }));
    expect(thing.value()).toEqual({ id: 7, name: 'renamed' });
  });
});
