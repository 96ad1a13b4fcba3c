import { actorOf } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { User } from '../user.entity';
import { AuthService } from './auth.service';
import { DeviceCookies } from './device-cookies';

/** Email + password sign-in through passport-local. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly devices: DeviceCookies,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: { ip?: string; id?: string; cookies?: Record<string, string | undefined> }, email: string, password: string): Promise<User | false> {
    if (email.length > 320 || password.length > 1024) return false;
    return (await this.auth.checkCredentials(email, password, actorOf(req), req.cookies?.[this.devices.name])) ?? false;
  }
}
