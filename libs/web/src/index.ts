/*
 * @achievement/web: what the portal shell and the admin micro-frontend share. Angular code that
 * depends only on Angular, the CDK, rxjs and @achievement/contracts (never Material: each app
 * bundles the Material parts it uses), shared at run time through Native Federation's shared
 * mappings, so both apps load it once.
 */
export * from './api/api-error';
export * from './dates/calendar-date.pipe';
export * from './forms/calendar-date-input.directive';
export * from './forms/field-rules';
export * from './forms/server-errors';
export * from './lists/keyset-list';
export * from './money/money';
export * from './status/status-chip.component';
export * from './icons/inline-icons';
export * from './requests/api-request';
export * from './requests/route-id';
