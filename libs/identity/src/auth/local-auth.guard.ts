import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

export const BAD_CREDENTIALS = 'Email or password is incorrect.';

/** Runs the local strategy; one message for every failure, so it never tells whether an email is registered. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<TUser>(err: unknown, user: TUser | false, info: { message?: string } | undefined): TUser {
    if (err) throw err;
    if (!user) {
      if (info?.message === 'Missing credentials') throw new BadRequestException('Enter your email address and password.');
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    return user;
  }
}
