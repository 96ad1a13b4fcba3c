export * from './roles';
export * from './session';
export * from './errors';
export * from './paging';
export * from './email-log';
export * from './identity';
export * from './documents';
