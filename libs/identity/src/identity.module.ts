import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { BruteForceService } from './auth/brute-force.service';
import { DeviceCookies } from './auth/device-cookies';
import { LocalStrategy } from './auth/local.strategy';
import { Centre } from './centre.entity';
import { CentreContact } from './centre-contact.entity';
import { CentreContactsController } from './centres/centre-contacts.controller';
import { CentreContactsService } from './centres/centre-contacts.service';
import { CentresController } from './centres/centres.controller';
import { CentresService } from './centres/centres.service';
import { ContactImportService } from './centres/contact-import.service';
import { IdentityLinks } from './identity-links';
import { PasswordChangeService } from './passwords/password-change.service';
import { PasswordResetService } from './passwords/password-reset.service';
import { PasswordsController } from './passwords/passwords.controller';
import { ProfileController } from './profile/profile.controller';
import { ProfileService } from './profile/profile.service';
import { Registration } from './registration.entity';
import { RegistrationController } from './registration/registration.controller';
import { RegistrationService } from './registration/registration.service';
import { ReviewQueueController } from './review/review-queue.controller';
import { ReviewQueueService } from './review/review-queue.service';
import { AccountFactorsController } from './second-factor/account-factors.controller';
import { CodeAttemptsService } from './second-factor/code-attempts.service';
import { FactorEnrolmentService } from './second-factor/factor-enrolment.service';
import { FactorStore } from './second-factor/factor-store';
import { RecoveryCode } from './second-factor/recovery-code.entity';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SignInSteps } from './second-factor/sign-in-steps';
import { UserFactor } from './second-factor/user-factor.entity';
import { WebAuthnService } from './second-factor/webauthn.service';
import { SessionCookies } from './sessions/session-cookies';
import { SessionGuard } from './sessions/session.guard';
import { SessionStore } from './sessions/session.store';
import { ExpiredTokensCleanupTask } from './tokens/expired-tokens-cleanup.task';
import { UserTokensService } from './tokens/user-tokens.service';
import { AdminUsersController } from './users/admin-users.controller';
import { AccountDirectory } from './users/account-directory';
import { AdminUsersService } from './users/admin-users.service';
import { DeregistrationService } from './users/deregistration.service';
import { User } from './user.entity';
import { UserToken } from './user-token.entity';

/**
 * Accounts, roles and sessions with their second factors; centres and their contact records; registration, verification,
 * the review queue, passwords, profile and deregistration. Its SessionGuard guards every route of
 * the app. Needs the platform and the notifications outbox (both global).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Centre, CentreContact, UserToken, Registration, UserFactor, RecoveryCode]),
    PassportModule.register({ session: false }),
  ],
  controllers: [
    AuthController,
    SecondFactorController,
    AccountFactorsController,
    PasswordsController,
    RegistrationController,
    ProfileController,
    ReviewQueueController,
    CentresController,
    CentreContactsController,
    AdminUsersController,
  ],
  providers: [
    AuthService,
    LocalStrategy,
    SessionStore,
    SessionCookies,
    SessionGuard,
    { provide: APP_GUARD, useExisting: SessionGuard },
    BruteForceService,
    DeviceCookies,
    IdentityLinks,
    UserTokensService,
    ExpiredTokensCleanupTask,
    RegistrationService,
    PasswordResetService,
    PasswordChangeService,
    ProfileService,
    ReviewQueueService,
    CentresService,
    CentreContactsService,
    ContactImportService,
    AdminUsersService,
    DeregistrationService,
    AccountDirectory,
    FactorStore,
    CodeAttemptsService,
    WebAuthnService,
    SecondFactorService,
    FactorEnrolmentService,
    SignInSteps,
  ],
  exports: [SessionStore, SessionCookies, AuthService, BruteForceService, RegistrationService, AccountDirectory, IdentityLinks],
})
export class IdentityModule {}
