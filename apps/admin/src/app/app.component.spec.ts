import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AppComponent } from './app.component';

describe('AppComponent (admin run alone)', () => {
  it('shows the administration toolbar above its routes', async () => {
    TestBed.configureTestingModule({ imports: [AppComponent], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('header mat-toolbar')?.textContent?.trim()).toBe('Achievement Portal — Administration');
    expect(root.querySelector('main router-outlet')).not.toBeNull();
  });
});
