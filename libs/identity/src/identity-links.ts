import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';

/** The portal pages that identity emails link to (the Angular app reads the token from the query). */
@Injectable()
export class IdentityLinks {
  private readonly base: string;

  constructor(config: AppConfig) {
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  verifyEmail(token: string): string {
    return `${this.base}/verify-email?token=${encodeURIComponent(token)}`;
  }

  resetPassword(token: string): string {
    return `${this.base}/reset-password?token=${encodeURIComponent(token)}`;
  }

  signIn(): string {
    return `${this.base}/sign-in`;
  }

  forgotPassword(): string {
    return `${this.base}/forgot-password`;
  }

  /** A learner's registration (the first time they come with their enrolment number and date of birth). */
  registerLearner(enrolmentNumber?: string): string {
    return `${this.base}/register/learner${enrolmentNumber ? `?enrolment=${encodeURIComponent(enrolmentNumber)}` : ''}`;
  }

  resendVerification(): string {
    return `${this.base}/verify-email/resend`;
  }
}
