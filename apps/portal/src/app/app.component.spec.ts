import { Basket, SessionUser } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ADMINISTRATOR, CENTRE_STAFF, LEARNER, provideSession } from '../testing/session-stub';
import { AppComponent } from './app.component';

/** The shell last rendered (a test that answers a request waits on it). */
let shell: ComponentFixture<AppComponent>;

async function renderShell(user: SessionUser | null): Promise<HTMLElement> {
  const { provider } = provideSession(user);
  TestBed.configureTestingModule({
    imports: [AppComponent],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provider],
  });
  const fixture = TestBed.createComponent(AppComponent);
  shell = fixture;
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const EMPTY_MONEY = { netPence: 0, vatPence: 0, grossPence: 0 };

function navLinks(root: HTMLElement): { href: string | null; text: string; target: string | null }[] {
  return Array.from(root.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a')).map((link) => ({
    href: link.getAttribute('href'),
    text: link.querySelector('[matListItemTitle]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    target: link.getAttribute('target'),
  }));
}

describe('AppComponent (portal shell)', () => {
  it('shows an administrator the admin pages, the Email log, Queues (in a new tab) and Profile, without a basket', async () => {
    const root = await renderShell(ADMINISTRATOR);

    const links = navLinks(root);
    expect(links.map((link) => link.href)).toEqual([
      '/',
      '/admin/registrations',
      '/admin/centres',
      '/admin/users',
      '/admin/jobs',
      '/admin/verifications',
      '/admin/qualifications',
      '/admin/orders',
      '/admin/products',
      '/admin/credit-accounts',
      '/admin/reports',
      '/admin/emails',
      '/api/admin/queues/',
      '/verify',
      '/profile',
      '/support',
    ]);
    expect(links.map((link) => link.text).slice(1, 12)).toEqual([
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
    ]);
    expect(links[12].text).toContain('Queues');
    expect(links[12].text).toContain('(opens in a new tab)');
    expect(links[12].target).toBe('_blank');
    expect(links[13].text).toBe('Verify a document');
    expect(links[14].text).toBe('Profile');
    expect(links[15].text).toBe('Support');
    expect(root.querySelector('[aria-label="Basket"]')).toBeNull();
    TestBed.inject(HttpTestingController).expectNone('/api/basket');
  });

  it('shows centre staff neither the Email log nor Queues, and a basket with no count at 0 items', async () => {
    const root = await renderShell(CENTRE_STAFF);

    expect(navLinks(root).map((link) => link.href)).toEqual([
      '/',
      '/jobs',
      '/records',
      '/downloads',
      '/reports',
      '/store',
      '/orders',
      '/verify',
      '/profile',
      '/support',
    ]);
    const basket = root.querySelector('a[aria-label="Basket"]');
    expect(basket).not.toBeNull();
    expect(basket?.classList).toContain('mat-badge-hidden');
  });

  it("links the basket icon to /basket with the count of the user's basket", async () => {
    const root = await renderShell(CENTRE_STAFF);
    const basket: Basket = { items: [], count: 3, subtotal: EMPTY_MONEY };
    TestBed.inject(HttpTestingController).expectOne({ method: 'GET', url: '/api/basket' }).flush(basket);
    // the count arrives through a promise, then the view is checked
    await new Promise((resolve) => setTimeout(resolve));
    await shell.whenStable();
    shell.detectChanges();

    const link = root.querySelector('a[aria-label="Basket, 3 items"]');
    expect(link?.getAttribute('href')).toBe('/basket');
    expect(link?.querySelector('.mat-badge-content')?.textContent?.trim()).toBe('3');
    expect(link?.classList).not.toContain('mat-badge-hidden');
  });

  it('shows a learner the basket too', async () => {
    const root = await renderShell(LEARNER);
    expect(root.querySelector('a[aria-label="Basket"]')).not.toBeNull();
    TestBed.inject(HttpTestingController).expectOne('/api/basket');
  });

  it("puts the signed-in user's name and role in the top bar, with Sign out", async () => {
    const root = await renderShell(ADMINISTRATOR);

    expect(root.querySelector('[data-testid="current-user"]')?.textContent?.trim()).toBe('Ada Admin');
    expect(root.querySelector('header')?.textContent).toContain('Administrator');
    const buttons = Array.from(root.querySelectorAll('header button')).map((b) => b.textContent?.trim());
    expect(buttons.some((text) => text?.endsWith('Sign out'))).toBe(true);
  });

  it('offers an anonymous visitor Verify a document, Support and Sign in', async () => {
    const root = await renderShell(null);

    expect(navLinks(root).map((link) => link.text)).toEqual(['Verify a document', 'Support', 'Sign in']);
    expect(root.querySelector('[data-testid="current-user"]')).toBeNull();
    expect(root.querySelector('header a[href="/sign-in"]')?.textContent).toContain('Sign in');
    expect(root.querySelector('[aria-label="Basket"]')).toBeNull();
  });

  it('has the header, navigation and main landmarks', async () => {
    const root = await renderShell(ADMINISTRATOR);

    expect(root.querySelector('header')).not.toBeNull();
    expect(root.querySelector('nav[aria-label="Main"]')).not.toBeNull();
    expect(root.querySelector('main#main')).not.toBeNull();
  });
});
