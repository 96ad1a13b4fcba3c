export { SharingModule } from './sharing.module';
export type { SharingOptions } from './sharing.module';
export { ConnectionExpiryTask } from './connection-expiry.task';
export { SHARING_MIGRATIONS } from './migrations';
