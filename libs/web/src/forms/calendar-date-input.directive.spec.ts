import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { CalendarDateInputDirective } from './calendar-date-input.directive';
import { dateOfBirth } from './field-rules';

@Component({
  imports: [ReactiveFormsModule, CalendarDateInputDirective],
  template: `<input apCalendarDate [formControl]="day" aria-label="Date of birth" />`,
})
class HostComponent {
  readonly day = new FormControl('2001-03-04', { nonNullable: true, validators: [Validators.required, dateOfBirth] });
}

describe('CalendarDateInputDirective', () => {
  function open(): { host: HostComponent; input: HTMLInputElement } {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    return { host: fixture.componentInstance, input: fixture.nativeElement.querySelector('input') };
  }

  function typeInto(input: HTMLInputElement, text: string): void {
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the day dd/mm/yyyy in a text field, whatever the browser language', () => {
    const { host, input } = open();
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('dd/mm/yyyy');
    expect(input.value).toBe('04/03/2001');
    host.day.setValue('1999-12-31');
    expect(input.value).toBe('31/12/1999');
  });

  it('reads a day typed day first and keeps YYYY-MM-DD for the API, rewriting it on leaving', () => {
    const { host, input } = open();
    typeInto(input, '14.3.2001');
    expect(host.day.value).toBe('2001-03-14');
    expect(host.day.valid).toBe(true);
    input.dispatchEvent(new Event('blur'));
    expect(input.value).toBe('14/03/2001');
    expect(host.day.touched).toBe(true);
  });

  it('lets the validators refuse what is not a real day, and keeps what was typed', () => {
    const { host, input } = open();
    typeInto(input, '31/02/2001');
    expect(host.day.hasError('date')).toBe(true);
    input.dispatchEvent(new Event('blur'));
    expect(input.value).toBe('31/02/2001');
    typeInto(input, '12/31/2001');
    expect(host.day.hasError('date')).toBe(true);
    typeInto(input, '');
    expect(host.day.hasError('required')).toBe(true);
  });
});
