import { HttpClient, HttpRequest } from '@angular/common/http';
import { EMPTY } from 'rxjs';
import { ApiFnOptional, ApiFnRequired } from './generated/api';

/**
 * The address of an operation with its parameters, for what the browser fetches itself: a link, a
 * frame, a download (`addressOf(downloadsFile, { id })` → "/api/downloads/7/file"). The generated
 * function builds the request, path and query encoded as for a call, and is stopped there.
 */
export function addressOf<P>(fn: ApiFnRequired<P, unknown> | ApiFnOptional<P, unknown>, params: P): string {
  let address = '';
  const capture = {
    request(request: HttpRequest<unknown>) {
      address = request.urlWithParams;
      return EMPTY;
    },
  } as unknown as HttpClient;
  fn(capture, '', params);
  return address;
}
