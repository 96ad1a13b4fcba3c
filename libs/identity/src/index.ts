export { IdentityModule } from './identity.module';
export { SessionStore } from './sessions/session.store';
export { SessionCookies, CSRF_COOKIE, CSRF_HEADER } from './sessions/session-cookies';
export type { SessionRecord } from './sessions/session-record';
export { AuthService } from './auth/auth.service';
export {
  BruteForceService,
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  EMAILS_PER_ADDRESS,
  EMAILS_PER_CLIENT,
  TOO_MANY_SIGN_INS,
} from './auth/brute-force.service';
export { hashPassword, verifyPassword } from './password-hasher';
export { passwordProblem, isCommon } from './passwords/password-policy';
export type { PasswordOwner } from './passwords/password-policy';
export { normaliseName, normaliseCentreNumber } from './registration/contact-matching';
export { ExpiredTokensCleanupTask } from './tokens/expired-tokens-cleanup.task';
export { normaliseEmail } from './user.entity';
export type { UserStatus } from './user.entity';
export { RegistrationService, REGISTRATION_ACCEPTED } from './registration/registration.service';
export type { PersonalRegistrationInput } from './registration/registration.service';
export { AccountDirectory } from './users/account-directory';
export type { Account } from './users/account-directory';
export { IdentityLinks } from './identity-links';
export { RequiredText, OptionalText, EmailField, DateOfBirthField, PasswordField, IdField, PostcodeField } from './validation/field-rules';
export { totpCodeAt } from './second-factor/totp';
export { centreSummary, centreSummaries, lockCentre, withCentreNames } from './readers/centre-readers';
export type { CentreNameColumns, CentreSummary } from './readers/centre-readers';
export { accountContact, accountContacts, lockAccount, personNames } from './readers/account-readers';
export type { AccountContact } from './readers/account-readers';
export type { Queryable } from './readers/queryable';
export { IDENTITY_MIGRATIONS } from './migrations';
export { AcceptedResponseDto, MessageResponseDto } from './dto/accepted.response';
