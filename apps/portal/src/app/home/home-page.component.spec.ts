import { SessionUser } from '@achievement/contracts';
import { TestBed } from '@angular/core/testing';
import { ADMINISTRATOR, CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { HomePageComponent } from './home-page.component';

async function renderHome(user: SessionUser): Promise<HTMLElement> {
  TestBed.configureTestingModule({ imports: [HomePageComponent], providers: [provideSession(user).provider] });
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
});
