import { VerifiableDocumentsModule } from '@achievement/documents';
import { DynamicModule, Module } from '@nestjs/common';
import { AdminVerificationsController } from './admin-verifications.controller';
import { AdminVerifyDisplayController } from './admin-verify-display.controller';
import { LearnerVerificationsController } from './learner-verifications.controller';
import { PdfBodyParser } from './pdf-body-parser';
import { VerificationLimits } from './verification-limits';
import { VerificationLogService } from './verification-log.service';
import { VerificationLogWriter } from './verification-log.writer';
import { VerificationService } from './verification.service';
import { VerifyController } from './verify.controller';
import { VerifyFrontDoor } from './verify-front-door';
import { VerifyRateLimitGuard } from './verify-rate-limit.guard';
import { VerifyRateLimiter } from './verify-rate-limiter';

export interface VerificationOptions {
  /** Serve the HTTP endpoints (the api). Verification has no queue processors or scheduled tasks. */
  http: boolean;
  /** Rate limits; read from the environment (VERIFY_LOOKUPS_PER_MINUTE, VERIFY_UPLOADS_PER_MINUTE) when not given. */
  limits?: Partial<Pick<VerificationLimits, 'VERIFY_LOOKUPS_PER_MINUTE' | 'VERIFY_UPLOADS_PER_MINUTE'>>;
}

/**
 * Smart Verify: public verification of a document by its code (QR or typed) or by its PDF, the
 * verification log, and the administrators' settings of what the verification page shows.
 * Needs the platform (global) and reads documents through their public VerifiableDocuments.
 */
@Module({})
export class VerificationModule {
  static forRoot(options: VerificationOptions): DynamicModule {
    return {
      module: VerificationModule,
      imports: [VerifiableDocumentsModule],
      controllers: options.http ? [VerifyController, AdminVerificationsController, AdminVerifyDisplayController, LearnerVerificationsController] : [],
      providers: options.http
        ? [
            {
              provide: VerificationLimits,
              useFactory: () => VerificationLimits.fromEnvironment(process.env, options.limits),
            },
            VerifyRateLimiter,
            VerifyRateLimitGuard,
            VerificationLogWriter,
            VerificationService,
            VerificationLogService,
            PdfBodyParser,
            VerifyFrontDoor,
          ]
        : [],
      exports: options.http ? [VerificationService, VerificationLogWriter] : [],
    };
  }
}
