import { calendarDateInputText, LearnerConnection } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { button, errorOf, errors, field, settle, textOf, type } from '../../testing/forms';
import { dayAfter } from './access-length';
import { ConnectionDialogData, openConnectionDialog } from './connection-dialog.component';
import { aConnection, aLearnerDocument } from './sharing-fixtures';

@Component({ template: '' })
class HostStub {}

const DOCUMENTS = [
  aLearnerDocument({ id: 101 }),
  aLearnerDocument({ id: 102, qualification: { code: '603/2981/1', title: 'Level 2 Certificate in Vehicle Fitting' } }),
  aLearnerDocument({ id: 103, status: 'superseded' }),
];

describe('ConnectionDialogComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<HostStub>;
  let closedWith: LearnerConnection | undefined | 'open';

  async function open(data: ConnectionDialogData): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostStub);
    closedWith = 'open';
    openConnectionDialog(TestBed.inject(MatDialog), data).subscribe((answer) => (closedWith = answer));
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const dialogRoot = () => document.querySelector<HTMLElement>('ap-connection-dialog')!;
  const checkboxes = () => Array.from(dialogRoot().querySelectorAll<HTMLElement>('[data-testid="connection-document"]'));
  const tick = async (index: number) => {
    checkboxes()[index].querySelector<HTMLInputElement>('input')!.click();
    await settle(fixture);
  };
  const submit = async () => {
    dialogRoot().querySelector<HTMLButtonElement>('[data-testid="connection-submit"]')!.click();
    await settle(fixture);
  };

  async function choosePeriod(label: string): Promise<void> {
    const select = await (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness)).getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: label });
    await settle(fixture);
  }

  describe('Add Connection', () => {
    it('asks for a name, an email, how long (the six periods) and at least one document', async () => {
      await open({ mode: 'add', documents: DOCUMENTS });
      expect(textOf(dialogRoot().querySelector('h2'))).toBe('Add Connection');
      expect(checkboxes().map((c) => textOf(c))).toEqual([
        'Level 3 Diploma in Light Vehicle Maintenance (D0000101)',
        'Level 2 Certificate in Vehicle Fitting (D0000102)',
        'Level 3 Diploma in Light Vehicle Maintenance (D0000103) — Superseded',
      ]);

      await submit();
      expect(errors(dialogRoot())).toEqual([
        'Enter the name of the person or organisation',
        'Enter their email address',
        'Choose how long they can see the documents',
        'Choose at least one document',
      ]);

      type(dialogRoot(), 'Email', 'priya@garage');
      type(dialogRoot(), 'Name', 'x'.repeat(101));
      await settle(fixture);
      expect(errorOf(dialogRoot(), 'Email')).toBe('Enter a valid email address, like name@example.org');
      expect(errorOf(dialogRoot(), 'Name')).toBe('Enter a name of at most 100 characters');
      backend.expectNone({ method: 'POST' });
    });

    it('offers the six periods of the contract, with their labels', async () => {
      await open({ mode: 'add', documents: DOCUMENTS });
      const select = await (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness)).getHarness(MatSelectHarness);
      await select.open();
      const options = await select.getOptions();
      expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['A week', 'A month', 'Three months', 'Six months', 'A year', 'Until a date']);
    });

    it('asks for a day after today and within two years when "Until a date" is chosen', async () => {
      await open({ mode: 'add', documents: DOCUMENTS });
      expect(() => field(dialogRoot(), 'Access ends on')).toThrow();
      await choosePeriod('Until a date');
      const date = field(dialogRoot(), 'Access ends on');
      expect(date.type).toBe('text');
      expect(date.placeholder).toBe('dd/mm/yyyy');

      await submit();
      expect(errorOf(dialogRoot(), 'Access ends on')).toBe('Enter the day access ends');
      type(dialogRoot(), 'Access ends on', calendarDateInputText(dayAfter(0)));
      await settle(fixture);
      expect(errorOf(dialogRoot(), 'Access ends on')).toBe('Enter a day after today');
      type(dialogRoot(), 'Access ends on', calendarDateInputText(dayAfter(733)));
      await settle(fixture);
      expect(errorOf(dialogRoot(), 'Access ends on')).toMatch(/^Enter a day up to \d+ \w+ \d{4}$/);
      backend.expectNone({ method: 'POST' });
    });

    it('sends the connection with the ticked documents and the date, and closes with the answer', async () => {
      await open({ mode: 'add', documents: DOCUMENTS });
      type(dialogRoot(), 'Name', '  Priya Patel ');
      type(dialogRoot(), 'Email', ' priya@garage.example ');
      await choosePeriod('Until a date');
      type(dialogRoot(), 'Access ends on', calendarDateInputText(dayAfter(30)));
      await tick(1);
      await tick(0);
      await submit();

      const post = backend.expectOne({ method: 'POST', url: '/api/learner/connections' });
      expect(post.request.body).toEqual({ name: 'Priya Patel', email: 'priya@garage.example', documentIds: [101, 102], period: 'date', until: dayAfter(30) });
      post.flush(aConnection({ id: 9, documentIds: [101, 102] }), { status: 201, statusText: 'Created' });
      await settle(fixture);
      expect(closedWith).toMatchObject({ id: 9 });
      expect(document.querySelector('ap-connection-dialog')).toBeNull();
    });

    it('sends a period without a date, and unticking a document leaves it out', async () => {
      await open({ mode: 'add', documents: DOCUMENTS });
      type(dialogRoot(), 'Name', 'Priya Patel');
      type(dialogRoot(), 'Email', 'priya@garage.example');
      await choosePeriod('Three months');
      await tick(0);
      await tick(1);
      await tick(0);
      await submit();
      const post = backend.expectOne({ method: 'POST', url: '/api/learner/connections' });
      expect(post.request.body).toEqual({ name: 'Priya Patel', email: 'priya@garage.example', documentIds: [102], period: 'three_months' });
      post.flush(aConnection(), { status: 201, statusText: 'Created' });
      await settle(fixture);
    });

    it("keeps the dialog open with the API's message and field errors", async () => {
      await open({ mode: 'add', documents: DOCUMENTS });
      type(dialogRoot(), 'Name', 'Priya Patel');
      type(dialogRoot(), 'Email', 'lee@example.org');
      await choosePeriod('A week');
      await tick(0);
      await submit();
      const message = 'You cannot share documents with yourself.';
      backend
        .expectOne({ method: 'POST', url: '/api/learner/connections' })
        .flush({ statusCode: 400, error: 'Bad Request', message, fieldErrors: { email: [message] } }, { status: 400, statusText: 'Bad Request' });
      await settle(fixture);
      expect(closedWith).toBe('open');
      expect(textOf(dialogRoot().querySelector('[data-testid="connection-dialog-error"]'))).toBe(message);
      expect(errorOf(dialogRoot(), 'Email')).toBe(message);
    });
  });

  describe('Accept a request', () => {
    const request = aConnection({
      id: 12,
      origin: 'third_party',
      status: 'pending',
      documentIds: [],
      accessEndsAt: null,
      message: 'We are checking qualifications for the MOT tester role.',
    });

    it('shows who asked and their message, asks only for documents and how long, and accepts', async () => {
      await open({ mode: 'accept', documents: DOCUMENTS, connection: request });
      expect(textOf(dialogRoot().querySelector('h2'))).toBe('Accept the request');
      expect(textOf(dialogRoot().querySelector('[data-testid="connection-dialog-who"]'))).toBe('Priya Patel (priya@garage.example, Patel Motors)');
      expect(textOf(dialogRoot().querySelector('[data-testid="connection-dialog-message"]'))).toBe('We are checking qualifications for the MOT tester role.');
      expect(() => field(dialogRoot(), 'Name')).toThrow();
      expect(() => field(dialogRoot(), 'Email')).toThrow();

      await submit();
      expect(errors(dialogRoot())).toEqual(['Choose how long they can see the documents', 'Choose at least one document']);

      await choosePeriod('A month');
      await tick(1);
      await submit();
      const post = backend.expectOne({ method: 'POST', url: '/api/learner/connections/12/accept' });
      expect(post.request.body).toEqual({ documentIds: [102], period: 'month' });
      post.flush(aConnection({ id: 12, status: 'active', documentIds: [102] }));
      await settle(fixture);
      expect(closedWith).toMatchObject({ id: 12, status: 'active' });
    });
  });

  describe('Edit a connection', () => {
    const active = aConnection({ id: 7, documentIds: [101, 102], accessEndsAt: '2027-02-28T12:00:00.000Z' });

    it('starts from the shared documents and keeps the end unless a new period is chosen', async () => {
      await open({ mode: 'edit', documents: DOCUMENTS, connection: active });
      expect(textOf(dialogRoot().querySelector('h2'))).toBe('Edit the connection');
      expect(checkboxes().map((c) => c.querySelector<HTMLInputElement>('input')!.checked)).toEqual([true, true, false]);
      expect(textOf(dialogRoot().querySelector('mat-select'))).toBe('Keep the current end (28 Feb 2027)');

      await tick(0);
      await submit();
      const patch = backend.expectOne({ method: 'PATCH', url: '/api/learner/connections/7' });
      expect(patch.request.body).toEqual({ documentIds: [102] });
      patch.flush(aConnection({ id: 7, documentIds: [102] }));
      await settle(fixture);
      expect(closedWith).toMatchObject({ id: 7, documentIds: [102] });
    });

    it('extends the access with a new period', async () => {
      await open({ mode: 'edit', documents: DOCUMENTS, connection: active });
      await choosePeriod('A year');
      await submit();
      const patch = backend.expectOne({ method: 'PATCH', url: '/api/learner/connections/7' });
      expect(patch.request.body).toEqual({ documentIds: [101, 102], access: { period: 'year' } });
      patch.flush(aConnection({ id: 7 }));
      await settle(fixture);
    });

    it('refuses to save with no document left', async () => {
      await open({ mode: 'edit', documents: DOCUMENTS, connection: active });
      await tick(0);
      await tick(1);
      expect(errors(dialogRoot())).toEqual(['Choose at least one document']);
      await submit();
      backend.expectNone({ method: 'PATCH' });
      expect(button(dialogRoot(), 'Cancel')).toBeDefined();
    });
  });
});
