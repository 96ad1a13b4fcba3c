import { inject, Provider } from '@angular/core';
import { ControlContainer } from '@angular/forms';

/**
 * `viewProviders` of a block of fields whose controls are the enclosing form's: the fields bind to
 * the parent's form directive (or its formGroupName), not one of their own, so the parent's submit
 * shows their errors.
 */
export const JOIN_PARENT_FORM: Provider[] = [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }];
