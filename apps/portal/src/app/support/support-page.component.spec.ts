import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { button, settle, textOf } from '../../testing/forms';
import { provideSession } from '../../testing/session-stub';
import { SupportPageComponent } from './support-page.component';

describe('SupportPageComponent', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [SupportPageComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideSession(null).provider],
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SupportPageComponent);
    // not whenStable: the page's request stays open (a pending task) until the test answers it
    fixture.detectChanges();
    return { root: fixture.nativeElement as HTMLElement, backend, fixture };
  }

  it("leads to the configured Centres Hub Enquiry Form and the Centre Services team's address, signed in or not", async () => {
    const { root, backend, fixture } = await render();
    backend.expectOne('/api/support').flush({ enquiryFormUrl: 'https://hub.example.org/enquiry', servicesTeamEmail: 'services@example.org' });
    await settle(fixture);

    const enquiry = root.querySelector<HTMLAnchorElement>('[data-testid="support-enquiry-link"]')!;
    expect(enquiry.getAttribute('href')).toBe('https://hub.example.org/enquiry');
    expect(enquiry.getAttribute('target')).toBe('_blank');
    expect(textOf(enquiry)).toContain('(opens in a new tab)');
    expect(textOf(root.querySelector('[data-testid="support-enquiry"]'))).toContain('your name, your date of birth and your centre number');
    const email = root.querySelector('[data-testid="support-services-email"]')!;
    expect(email.getAttribute('href')).toBe('mailto:services@example.org');
    expect(textOf(root)).toContain('Check your spam and junk folders');
    backend.verify();
  });

  it('shows why the details could not be loaded, with Retry', async () => {
    const { root, backend, fixture } = await render();
    backend
      .expectOne('/api/support')
      .flush({ statusCode: 503, error: 'Service Unavailable', message: 'Try again in a moment.' }, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="support-error"]'))).toContain('Try again in a moment.');

    button(root, 'Retry')!.click();
    TestBed.tick();
    backend.expectOne('/api/support').flush({ enquiryFormUrl: 'https://hub.example.org/enquiry', servicesTeamEmail: 'services@example.org' });
    await settle(fixture);
    expect(root.querySelector('[data-testid="support-error"]')).toBeNull();
    expect(root.querySelector('[data-testid="support-enquiry-link"]')).not.toBeNull();
    backend.verify();
  });
});
