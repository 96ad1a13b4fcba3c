import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR_SESSION, anEmail } from '../../testing/emails';
import { routes } from '../admin.routes';
import { EmailLogPageComponent } from './email-log-page.component';

describe('Send test email (Email log)', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/emails', EmailLogPageComponent);
    fixture = harness.fixture;
    backend.expectOne('/api/auth/session').flush(ADMINISTRATOR_SESSION);
    backend.expectOne((r) => r.url === '/api/admin/emails').flush({ items: [anEmail()], nextCursor: null });
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function openDialog(): Promise<MatDialogHarness> {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Send test email/ }))).click();
    return TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
  }

  it('checks the address before sending', async () => {
    const dialog = await openDialog();
    const to = await dialog.getHarness(MatInputHarness);
    await to.setValue('not-an-address');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Send' }))).click();

    expect(await dialog.getText()).toContain('Enter a valid email address');
    backend.expectNone('/api/admin/emails/test');
  });

  it('queues the test email, confirms it and reloads the log', async () => {
    const dialog = await openDialog();
    expect(await dialog.getTitleText()).toBe('Send test email');
    await (await dialog.getHarness(MatInputHarness)).setValue('x@y.example');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Send' }))).click();

    const post = backend.expectOne('/api/admin/emails/test');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ to: 'x@y.example' });
    post.flush({ id: 42 }, { status: 202, statusText: 'Accepted' });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    const reload = backend.expectOne((r) => r.url === '/api/admin/emails' && !r.params.has('cursor'));
    reload.flush({ items: [anEmail({ id: 42, to: 'x@y.example', status: 'pending' }), anEmail()], nextCursor: null });
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Test email queued for x@y.example');
  });
});
