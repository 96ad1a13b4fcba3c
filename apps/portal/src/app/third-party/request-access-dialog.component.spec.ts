import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { errorOf, errors, field, settle, textOf, type } from '../../testing/forms';
import { openRequestAccessDialog } from './request-access-dialog.component';

@Component({ template: '' })
class HostStub {}

const ANSWER = { message: 'If a learner matches those details, we have sent them your request.' };

describe('RequestAccessDialogComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<HostStub>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostStub);
    openRequestAccessDialog(TestBed.inject(MatDialog));
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  const dialogRoot = () => document.querySelector<HTMLElement>('ap-request-access-dialog')!;
  const submit = async () => {
    dialogRoot().querySelector<HTMLButtonElement>('[data-testid="request-access-submit"]')!.click();
    await settle(fixture);
  };
  const chooseBy = async (label: string) => {
    Array.from(dialogRoot().querySelectorAll<HTMLButtonElement>('mat-button-toggle button'))
      .find((b) => textOf(b) === label)!
      .click();
    await settle(fixture);
  };

  it("asks for the learner's email by default, and checks it", async () => {
    expect(textOf(dialogRoot().querySelector('h2'))).toBe('Request access');
    expect(() => field(dialogRoot(), 'Enrolment number')).toThrow();
    await submit();
    expect(errors(dialogRoot())).toEqual(["Enter the learner's email address"]);
    type(dialogRoot(), "Learner's email", 'lukasz@');
    await settle(fixture);
    expect(errorOf(dialogRoot(), "Learner's email")).toBe('Enter a valid email address, like name@example.org');
    backend.expectNone({ method: 'POST' });
  });

  it('sends a request by email with the message, and shows the answer', async () => {
    type(dialogRoot(), "Learner's email", ' lukasz@learner.example ');
    type(dialogRoot(), 'Message (optional)', '  For the MOT tester job. ');
    await submit();
    const post = backend.expectOne({ method: 'POST', url: '/api/third-party/requests' });
    expect(post.request.body).toEqual({ learnerEmail: 'lukasz@learner.example', message: 'For the MOT tester job.' });
    post.flush(ANSWER, { status: 202, statusText: 'Accepted' });
    await settle(fixture);
    expect(textOf(dialogRoot().querySelector('[data-testid="request-access-answer"]'))).toBe(ANSWER.message);
    expect(dialogRoot().querySelector('[role="status"]')).not.toBeNull();
    expect(dialogRoot().querySelector('form')).toBeNull();
  });

  it('switches to enrolment number and date of birth, checks both, and sends them without the email', async () => {
    await chooseBy('Enrolment number and date of birth');
    expect(() => field(dialogRoot(), "Learner's email")).toThrow();
    await submit();
    expect(errors(dialogRoot())).toEqual(["Enter the learner's enrolment number", "Enter the learner's date of birth"]);
    type(dialogRoot(), 'Date of birth', '01/01/2999');
    await settle(fixture);
    expect(errorOf(dialogRoot(), 'Date of birth')).toBe('Enter a date of birth in the past');

    type(dialogRoot(), 'Enrolment number', ' 0002124 ');
    type(dialogRoot(), 'Date of birth', '14/03/2001');
    await submit();
    const post = backend.expectOne({ method: 'POST', url: '/api/third-party/requests' });
    expect(post.request.body).toEqual({ enrolmentNumber: '0002124', dateOfBirth: '2001-03-14' });
    post.flush(ANSWER, { status: 202, statusText: 'Accepted' });
    await settle(fixture);
  });

  it('limits the message to 500 characters', async () => {
    type(dialogRoot(), "Learner's email", 'lukasz@learner.example');
    type(dialogRoot(), 'Message (optional)', 'x'.repeat(501));
    await submit();
    expect(errorOf(dialogRoot(), 'Message (optional)')).toBe('Enter at most 500 characters');
    backend.expectNone({ method: 'POST' });
  });

  it("shows the API's message when it refuses", async () => {
    type(dialogRoot(), "Learner's email", 'lukasz@learner.example');
    await submit();
    backend
      .expectOne('/api/third-party/requests')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'You have sent too many requests today.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle(fixture);
    expect(textOf(dialogRoot().querySelector('[data-testid="request-access-error"]'))).toBe('You have sent too many requests today.');
    expect(dialogRoot().querySelector('form')).not.toBeNull();
  });
});
