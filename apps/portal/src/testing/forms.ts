/** Helpers of the page specs: find Material form fields by their label, type, read errors. */

/** The input (or textarea) of the mat-form-field labelled `label` (exact text). */
export function field(root: HTMLElement, label: string): HTMLInputElement {
  const formField = Array.from(root.querySelectorAll('mat-form-field')).find(
    (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
  );
  const input = formField?.querySelector<HTMLInputElement>('input, textarea');
  if (!input) {
    throw new Error(`No field labelled "${label}"`);
  }
  return input;
}

/** Types a value as a person would: input, then leaving the field. */
export function type(root: HTMLElement, label: string, value: string): void {
  const input = field(root, label);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** The error shown under the field labelled `label`, or null. */
export function errorOf(root: HTMLElement, label: string): string | null {
  const formField = field(root, label).closest('mat-form-field');
  return formField?.querySelector('mat-error')?.textContent?.trim() ?? null;
}

/** Every error shown under a field, in page order. */
export function errors(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('mat-error')).map((error) => error.textContent?.trim() ?? '');
}

/** The button whose text (icons aside) ends with `text`. */
export function button(root: ParentNode, text: string): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim().endsWith(text));
}

/** Text with its white space collapsed. */
export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Lets awaited API answers, renders and navigations after them finish. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
