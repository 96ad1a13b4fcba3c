export { VerificationModule } from './verification.module';
export type { VerificationOptions } from './verification.module';
export { VerificationService } from './verification.service';
export { VerificationLogWriter } from './verification-log.writer';
export { coarseClient } from './coarse-client';
export { VERIFICATION_MIGRATIONS } from './migrations';
