import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aCentre, button, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { CentresPageComponent } from './centres-page.component';

describe('CentresPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/centres', CentresPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/centres' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll('[data-testid="centre-row"]'));

  it('lists the centres (their credit is on the credit accounts page), and links to New centre and the import', async () => {
    expectList((p) => !p.has('q') && p.get('limit') === '50').flush({
      items: [aCentre(), aCentre({ id: 4, number: 'C10002', name: 'Eastfield' })],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(rows().map((row) => Array.from(row.querySelectorAll('td')).map((td) => textOf(td)))).toEqual([
      ['C10001', 'Northfield College', 'Leeds LS1 1AA', 'centres@northfield.example'],
      ['C10002', 'Eastfield', 'Leeds LS1 1AA', 'centres@northfield.example'],
    ]);
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/centres/3');
    expect(root.querySelector('a[href="/centres/new"]')).not.toBeNull();
    expect(root.querySelector('a[href="/centres/import"]')).not.toBeNull();
  });

  it('searches from the first page, and says when nothing matches', async () => {
    expectList().flush({ items: [aCentre()], nextCursor: 'C10001' });
    await fixture.whenStable();

    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = ' north ';
    search.dispatchEvent(new Event('input'));
    button(root, 'Search')!.click();
    const searched = expectList((p) => p.get('q') === 'north');
    expect(searched.request.params.has('cursor')).toBe(false);
    searched.flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    expect(textOf(root.querySelector('[data-testid="centres-empty"]'))).toBe('No centres match “north”.');
  });
});
