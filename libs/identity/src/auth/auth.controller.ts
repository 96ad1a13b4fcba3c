import { actorOf, AllowedWhilePending, AuthenticatedUser, CurrentUser, Public, SignedIn } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { SecondFactorService } from '../second-factor/second-factor.service';
import { SignInSteps } from '../second-factor/sign-in-steps';
import { newToken } from '../sessions/session.store';
import { CSRF_COOKIE, SessionCookies } from '../sessions/session-cookies';
import { SessionRequest } from '../sessions/session.guard';
import { User } from '../user.entity';
import { AuthService } from './auth.service';
import { DeviceCookies } from './device-cookies';
import { SessionResponseDto } from './dto/session.response';
import { SignInDto } from './dto/sign-in.dto';
import { LocalAuthGuard } from './local-auth.guard';

type Reply = Parameters<SessionCookies['setSession']>[0];

@ApiTags('Sign-in')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    private readonly devices: DeviceCookies,
    private readonly secondFactor: SecondFactorService,
    private readonly steps: SignInSteps,
  ) {}

  /**
   * Who is signed in (or null, with `pending` while half signed in); also hands out the anti-CSRF
   * cookie the client echoes on writes.
   */
  @Get('session')
  @Public()
  @ApiOkResponse({ type: SessionResponseDto })
  async session(@Req() req: SessionRequest, @Res({ passthrough: true }) reply: Reply): Promise<SessionResponseDto> {
    const pending = req.session ? await this.steps.pendingOf(req.session.record) : null;
    const user = req.session && !pending ? await this.auth.sessionUser(req.session.record.userId) : null;
    const csrf = req.session ? req.session.record.csrf : (req.cookies?.[CSRF_COOKIE] ?? newToken());
    if (req.cookies?.[CSRF_COOKIE] !== csrf) this.cookies.setCsrf(reply, csrf);
    return { user, pending };
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @UseGuards(LocalAuthGuard)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect.' })
  /** The right password of an account with a second factor (or one that must enrol) starts a half-signed-in session: `{ user: null, pending }`. */
  async signIn(
    @Body() _credentials: SignInDto,
    @Req() req: SessionRequest & { user: unknown },
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<SessionResponseDto> {
    const user = req.user as unknown as User;
    if (req.session) await this.auth.endSession(req.session.id, { ...actorOf(req), userId: req.session.record.userId });
    const step = await this.secondFactor.signInStep(user);
    const session = await this.auth.startSession(user, actorOf(req), step ? { pending: step } : {});
    this.cookies.setSession(reply, session.token);
    this.cookies.setCsrf(reply, session.csrf);
    this.devices.set(reply, this.auth.deviceCookieFor(user));
    if (step) return { user: null, pending: await this.steps.pendingOf(session.record) };
    return { user: await this.auth.sessionUser(user.id), pending: null };
  }

  @Post('sign-out')
  @SignedIn()
  @AllowedWhilePending('second_factor', 'enrolment')
  @HttpCode(204)
  @ApiNoContentResponse()
  async signOut(@Req() req: SessionRequest, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: Reply): Promise<void> {
    await this.auth.endSession(user.sessionId, { ...actorOf(req), userId: user.id });
    this.cookies.clearSession(reply);
  }

  /** Ends every session of the user on every device, this one included. */
  @Post('sign-out-everywhere')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse()
  async signOutEverywhere(@Req() req: SessionRequest, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: Reply): Promise<void> {
    await this.auth.endAllSessions({ ...actorOf(req), userId: user.id });
    this.cookies.clearSession(reply);
  }
}
