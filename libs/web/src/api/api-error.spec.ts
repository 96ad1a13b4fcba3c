import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBody, apiErrorCode, apiErrorMessage, apiFieldError } from './api-error';

const body = { statusCode: 403, error: 'Forbidden', message: 'Confirm it is you first.', code: 'STEP_UP_REQUIRED', fieldErrors: { name: ['Too long.'] } };

describe('the API error body', () => {
  it('is read from a JSON answer', () => {
    const error = new HttpErrorResponse({ status: 403, error: body });
    expect(apiErrorCode(error)).toBe('STEP_UP_REQUIRED');
    expect(apiErrorMessage(error, 'fallback')).toBe('Confirm it is you first.');
    expect(apiFieldError(error, 'name')).toBe('Too long.');
  });

  it('is parsed from text, as a call that expects no body (a 204) receives it', () => {
    const error = new HttpErrorResponse({ status: 403, error: JSON.stringify(body) });
    expect(apiErrorCode(error)).toBe('STEP_UP_REQUIRED');
    expect(apiErrorBody(error)?.statusCode).toBe(403);
  });

  it('is absent when the answer is not the API’s', () => {
    expect(apiErrorBody(new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' }))).toBeNull();
    expect(apiErrorBody(new HttpErrorResponse({ status: 404, error: new Blob(['{}']) }))).toBeNull();
    expect(apiErrorMessage(new HttpErrorResponse({ status: 0 }), 'fallback')).toBe('The portal cannot be reached. Check your connection and try again.');
    expect(apiErrorCode(new Error('x'))).toBeNull();
  });
});
