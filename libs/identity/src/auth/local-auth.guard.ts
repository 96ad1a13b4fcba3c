import { createValidationPipe } from '@achievement/platform';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { SignInDto } from './dto/sign-in.dto';
import { ApiError } from '@achievement/platform';

export const BAD_CREDENTIALS = 'Email or password is incorrect.';

/** Runs the local strategy; one message for every failure, so it never tells whether an email is registered. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  /** The body is validated before the strategy runs (guards run before pipes), so bad input gets its 400. */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ body: unknown }>();
    await this.validation.transform(req.body ?? {}, { type: 'body', metatype: SignInDto });
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false, info: { message?: string } | undefined): TUser {
    if (err) throw err;
    if (!user) {
      if (info?.message === 'Missing credentials') throw new ApiError('CREDENTIALS_MISSING', 'Enter your email address and password.');
      throw new ApiError('BAD_CREDENTIALS', BAD_CREDENTIALS);
    }
    return user;
  }
}
