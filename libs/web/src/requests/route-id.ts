import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { map } from 'rxjs';

/**
 * A route parameter that names a row by its id (`/records/:id`), as a signal: the positive whole
 * number, or undefined when the address holds anything else (a page then says "not found" without
 * asking the API). In an injection context of the routed component.
 */
export function routeId(name = 'id'): Signal<number | undefined> {
  return toSignal(
    inject(ActivatedRoute).paramMap.pipe(
      map((params) => {
        const id = Number(params.get(name) ?? NaN);
        return Number.isInteger(id) && id >= 1 ? id : undefined;
      }),
    ),
    { requireSync: true },
  );
}
