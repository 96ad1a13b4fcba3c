export { IdentityModule } from './identity.module';
export { SessionStore } from './sessions/session.store';
export { SessionCookies, CSRF_COOKIE, CSRF_HEADER } from './sessions/session-cookies';
export type { SessionRecord } from './sessions/session-record';
export { AuthService } from './auth/auth.service';
export { hashPassword, verifyPassword } from './password-hasher';
export { normaliseEmail } from './user.entity';
export type { UserStatus } from './user.entity';
