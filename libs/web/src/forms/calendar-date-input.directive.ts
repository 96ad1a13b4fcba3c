import { Directive, ElementRef, forwardRef, inject } from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { calendarDateInputText, parseCalendarDateInput } from '@achievement/contracts';

/**
 * A date field written the British way, day first: `<input matInput apCalendarDate formControlName="dateOfBirth">`.
 *
 * The browser's own date input writes the day in the browser's language (mm/dd/yyyy in a US
 * Chromium), so this is a text field that shows dd/mm/yyyy and reads what people type
 * ("14/3/2001", "14.03.2001", "14 March 2001"). The control keeps the API's `YYYY-MM-DD`, so the
 * validators and requests are unchanged; text that is not a real day reaches the control as it is,
 * so `isCalendarDate` marks it `date`. On leaving the field, a day that was read is rewritten as
 * dd/mm/yyyy so the person sees which day was understood.
 */
@Directive({
  selector: 'input[apCalendarDate]',
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => CalendarDateInputDirective), multi: true }],
  host: {
    type: 'text',
    inputmode: 'text',
    placeholder: 'dd/mm/yyyy',
    spellcheck: 'false',
    '(input)': 'read()',
    '(blur)': 'leave()',
  },
})
export class CalendarDateInputDirective implements ControlValueAccessor {
  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;
  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: string | null | undefined): void {
    this.input.value = value ? calendarDateInputText(value) : '';
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  protected read(): void {
    const text = this.input.value.trim();
    this.onChange(parseCalendarDateInput(text) ?? text);
  }

  protected leave(): void {
    const day = parseCalendarDateInput(this.input.value);
    if (day) this.input.value = calendarDateInputText(day);
    this.onTouched();
  }
}
