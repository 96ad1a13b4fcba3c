import { SessionUser } from '@achievement/contracts';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, provideSession, THIRD_PARTY } from '../../testing/session-stub';
import { HomePageComponent } from './home-page.component';

async function renderHome(user: SessionUser): Promise<HTMLElement> {
  TestBed.configureTestingModule({ imports: [HomePageComponent], providers: [provideRouter([]), provideSession(user).provider] });
  const fixture = TestBed.createComponent(HomePageComponent);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('HomePageComponent', () => {
  it('welcomes centre staff with their role and centre', async () => {
    const page = await renderHome(CENTRE_STAFF);

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Welcome, Carol Centre');
    expect(page.querySelector('[data-testid="signed-in-as"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'You are signed in as Carol Centre (carol@northfield.example), Centre staff.',
    );
    expect(page.querySelector('[data-testid="centre"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Centre 12345: Northfield College',
    );
  });

  it('welcomes an administrator without a centre line', async () => {
    const page = await renderHome(ADMINISTRATOR);

    expect(page.querySelector('[data-testid="signed-in-as"]')?.textContent).toContain('Administrator');
    expect(page.querySelector('[data-testid="centre"]')).toBeNull();
  });

  it('leads a learner to My documents and Connections', async () => {
    const page = await renderHome(LEARNER);

    const links = Array.from(page.querySelectorAll('[data-testid="role-links"] a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toEqual([
      ['My documents', '/learner'],
      ['Connections', '/learner/connections'],
    ]);
    expect(page.textContent).toContain('see, download and share the documents you were awarded');
  });

  it('leads a third party to Shared with me', async () => {
    const page = await renderHome(THIRD_PARTY);

    const links = Array.from(page.querySelectorAll('[data-testid="role-links"] a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toEqual([['Shared with me', '/third-party']]);
  });

  it('shows centre staff no such links', async () => {
    const page = await renderHome(CENTRE_STAFF);

    expect(page.querySelector('[data-testid="role-links"]')).toBeNull();
  });
});
