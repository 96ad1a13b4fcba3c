import { SessionUser } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { settle, textOf } from '../../testing/forms';
import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, provideSession, SUPPORT, THIRD_PARTY } from '../../testing/session-stub';
import { aConnection } from '../learner/sharing-fixtures';
import { HomePageComponent } from './home-page.component';

async function renderHome(user: SessionUser) {
  TestBed.configureTestingModule({
    imports: [HomePageComponent],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideSession(user).provider],
  });
  const backend = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(HomePageComponent);
  // not whenStable: a learner's connections request stays open (a pending task) until the test answers it
  fixture.detectChanges();
  return { page: fixture.nativeElement as HTMLElement, backend, fixture };
}

/** The dashboard's sections: title and [label, href] of each button. */
function sections(page: HTMLElement): [string, [string, string | null][]][] {
  return Array.from(page.querySelectorAll('[data-testid="dashboard"] mat-card')).map((card) => [
    textOf(card.querySelector('h2')),
    Array.from(card.querySelectorAll('mat-card-actions a')).map((a) => [textOf(a), a.getAttribute('href')] as [string, string | null]),
  ]);
}

describe('HomePageComponent', () => {
  it('welcomes centre staff with their role and centre', async () => {
    const { page } = await renderHome(CENTRE_STAFF);

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Welcome, Carol Centre');
    expect(page.querySelector('[data-testid="signed-in-as"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'You are signed in as Carol Centre (carol@northfield.example), Centre staff.',
    );
    expect(page.querySelector('[data-testid="centre"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Centre 12345: Northfield College');
  });

  it("gives centre staff the guide's dashboard: documents, downloads, reports, printed copies, and Profile with View and Edit My Profile and Manage", async () => {
    const { page } = await renderHome(CENTRE_STAFF);

    expect(sections(page)).toEqual([
      [
        'Documents',
        [
          ['Jobs Issued', '/jobs'],
          ['Records', '/records'],
        ],
      ],
      ['Downloads', [['Downloads', '/downloads']]],
      ['Reported problems', [['Reports', '/reports']]],
      [
        'Printed copies',
        [
          ['Store', '/store'],
          ['Orders', '/orders'],
        ],
      ],
      [
        'Profile',
        [
          ['View and Edit My Profile', '/profile'],
          ['Manage', '/profile#manage'],
        ],
      ],
    ]);
    expect(page.querySelector('section[aria-labelledby="section-title-profile"]')).not.toBeNull();
    expect(page.querySelector('.support a')?.getAttribute('href')).toBe('/support');
  });

  it('welcomes an administrator without a centre line, with the administration section', async () => {
    const { page } = await renderHome(ADMINISTRATOR);

    expect(page.querySelector('[data-testid="signed-in-as"]')?.textContent).toContain('Administrator');
    expect(page.querySelector('[data-testid="centre"]')).toBeNull();
    expect(sections(page).map(([title]) => title)).toEqual(['Administration', 'Profile']);
  });

  it('gives support staff the reported issues', async () => {
    const { page } = await renderHome(SUPPORT);
    expect(sections(page)[0]).toEqual(['Reported issues', [['Reported issues', '/admin/reports']]]);
  });

  it('gives a learner My documents, and Connections with its Manage button and how many wait for an answer', async () => {
    const { page, backend, fixture } = await renderHome(LEARNER);
    backend
      .expectOne('/api/learner/connections')
      .flush([
        aConnection({ id: 1, status: 'active' }),
        aConnection({ id: 2, status: 'pending', origin: 'third_party' }),
        aConnection({ id: 3, status: 'ended' }),
        aConnection({ id: 4, status: 'active' }),
      ]);
    await settle(fixture);

    expect(sections(page)).toEqual([
      ['My documents', [['View my documents', '/learner']]],
      ['Connections', [['Manage', '/learner/connections']]],
      [
        'Printed copies',
        [
          ['Store', '/store'],
          ['Orders', '/orders'],
        ],
      ],
      [
        'Profile',
        [
          ['View and Edit My Profile', '/profile'],
          ['Manage', '/profile#manage'],
        ],
      ],
    ]);
    expect(textOf(page.querySelector('[data-testid="connections-summary"]'))).toBe('2 active connections; 1 request waiting for your answer');
    expect(page.textContent).toContain('see, download and share the documents you were awarded');
    backend.verify();
  });

  it('gives a third party Shared with me, and asks for no connections', async () => {
    const { page, backend } = await renderHome(THIRD_PARTY);

    expect(sections(page)).toEqual([
      ['Shared with me', [['Shared with me', '/third-party']]],
      [
        'Profile',
        [
          ['View and Edit My Profile', '/profile'],
          ['Manage', '/profile#manage'],
        ],
      ],
    ]);
    backend.expectNone('/api/learner/connections');
  });
});
