import { afterNextRender, ElementRef, Injector } from '@angular/core';

/**
 * Moves the focus to an element once the view has rendered it: the heading of a page's new state
 * (a confirmation replacing a form), so screen readers announce it and keyboard users start there.
 */
export function focusAfterRender(injector: Injector, target: () => ElementRef<HTMLElement> | undefined): void {
  afterNextRender({ write: () => target()?.nativeElement.focus() }, { injector });
}
