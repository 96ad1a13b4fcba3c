import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

interface CookieReply {
  setCookie(name: string, value: string, options: Record<string, unknown>): unknown;
  clearCookie(name: string, options: Record<string, unknown>): unknown;
}

/**
 * The session cookie (HttpOnly, SameSite=Lax, __Host- prefixed and Secure outside plain-http
 * development) and the readable CSRF cookie that the Angular client echoes in X-XSRF-TOKEN.
 */
@Injectable()
export class SessionCookies {
  readonly sessionName: string;
  private readonly secure: boolean;

  constructor(config: AppConfig) {
    this.secure = config.cookieSecure;
    this.sessionName = this.secure ? '__Host-ap_session' : 'ap_session';
  }

  setSession(reply: CookieReply, token: string): void {
    reply.setCookie(this.sessionName, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure });
  }

  clearSession(reply: CookieReply): void {
    reply.clearCookie(this.sessionName, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure });
  }

  setCsrf(reply: CookieReply, token: string): void {
    reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'strict', secure: this.secure });
  }
}
