import { actorOf, AllowedWhilePending, AuthenticatedUser, CurrentUser, SignedIn } from '@achievement/platform';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { AuthService } from '../auth/auth.service';
import { SessionResponseDto } from '../auth/dto/session.response';
import { SessionCookies } from '../sessions/session-cookies';
import { SessionRequest } from '../sessions/session.guard';
import { PasskeyAnswerDto, SecondFactorCodeDto, WebAuthnOptionsDto } from './dto/second-factor.dto';
import { SecondFactorService } from './second-factor.service';
import { SignInSteps } from './sign-in-steps';

type Reply = Parameters<SessionCookies['setSession']>[0];

/**
 * The second step of sign-in, and step-up: the same routes serve a half-signed-in session (which
 * they make full, with new cookies) and a full one (which then may make step-up changes for a few
 * minutes).
 */
@ApiTags('Sign-in')
@Controller('auth/second-factor')
@SignedIn()
@AllowedWhilePending('second_factor')
export class SecondFactorController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly steps: SignInSteps,
    private readonly auth: AuthService,
  ) {}

  @Post('totp')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiBadRequestResponse({ description: 'CODE_INCORRECT' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_CODES' })
  async totp(
    @Body() body: SecondFactorCodeDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: SessionRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<SessionResponseDto> {
    await this.secondFactor.checkTotp(user.id, body.code, actorOf(req));
    return this.passed(user, req, reply);
  }

  @Post('recovery-code')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiBadRequestResponse({ description: 'CODE_INCORRECT' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_CODES' })
  async recoveryCode(
    @Body() body: SecondFactorCodeDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: SessionRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<SessionResponseDto> {
    await this.secondFactor.checkRecoveryCode(user.id, body.code, actorOf(req));
    return this.passed(user, req, reply);
  }

  /** The options for navigator.credentials.get(); the challenge is this session's for five minutes. */
  @Post('passkey/options')
  @HttpCode(200)
  @ApiOkResponse({ type: WebAuthnOptionsDto })
  passkeyOptions(@CurrentUser() user: AuthenticatedUser): Promise<WebAuthnOptionsDto> {
    return this.secondFactor.passkeyOptions(user.sessionId, user.id);
  }

  @Post('passkey')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiBadRequestResponse({ description: 'CODE_INCORRECT' })
  async passkey(
    @Body() body: PasskeyAnswerDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: SessionRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<SessionResponseDto> {
    await this.secondFactor.checkPasskey(user.sessionId, user.id, body.response as unknown as AuthenticationResponseJSON, actorOf(req));
    return this.passed(user, req, reply);
  }

  private async passed(user: AuthenticatedUser, req: SessionRequest, reply: Reply): Promise<SessionResponseDto> {
    await this.steps.factorGiven(req, reply);
    return { user: await this.auth.sessionUser(user.id), pending: null };
  }
}
