import { AbstractControl, FormGroup } from '@angular/forms';
import { apiFieldErrors } from '../api/api-error';

/**
 * Puts the API's fieldErrors under the matching controls of the form, as the `server` error (the
 * next edit of the field clears it, as Angular re-runs the validators). `fields` maps a field
 * name of the request to the control, when they differ. Returns whether any was shown.
 */
export function showServerFieldErrors(form: FormGroup, error: unknown, fields: Record<string, string> = {}): boolean {
  let shown = false;
  for (const [field, messages] of Object.entries(apiFieldErrors(error))) {
    const control: AbstractControl | null = form.get(fields[field] ?? field);
    if (control && messages.length > 0) {
      control.setErrors({ ...(control.errors ?? {}), server: messages[0] });
      control.markAsTouched();
      shown = true;
    }
  }
  return shown;
}

/** The API's message about the control, set by `showServerFieldErrors`. */
export function serverError(control: AbstractControl): string | null {
  const message: unknown = control.getError('server');
  return typeof message === 'string' ? message : null;
}
