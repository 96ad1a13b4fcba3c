import { actorOf, AllowedWhilePending, AuthenticatedUser, CurrentUser, ParseIdPipe, SignedIn, StepUp } from '@achievement/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { SessionCookies } from '../sessions/session-cookies';
import { SessionRequest } from '../sessions/session.guard';
import {
  AccountFactorsDto,
  FactorAddedDto,
  PasskeyRegistrationDto,
  RecoveryCodeSetDto,
  SecondFactorCodeDto,
  TotpEnrolmentStartDto,
  WebAuthnOptionsDto,
} from './dto/second-factor.dto';
import { FactorEnrolmentService, Owner } from './factor-enrolment.service';
import { SignInSteps } from './sign-in-steps';

type Reply = Parameters<SessionCookies['setSession']>[0];

/**
 * One's own second factors. An account that must enrol reaches these (and only these) while half
 * signed in; confirming its first factor makes the session full. Starting a set-up, removing a
 * factor and new recovery codes ask for the second factor again (step-up) when the account has one.
 */
@ApiTags('Second factor')
@Controller('account/factors')
@SignedIn()
export class AccountFactorsController {
  constructor(
    private readonly enrolment: FactorEnrolmentService,
    private readonly steps: SignInSteps,
  ) {}

  @Get()
  @AllowedWhilePending('enrolment')
  @ApiOkResponse({ type: AccountFactorsDto })
  overview(@CurrentUser() user: AuthenticatedUser): Promise<AccountFactorsDto> {
    return this.enrolment.overview(ownerOf(user));
  }

  /** A new authenticator-app secret with its QR code; confirm it with the app's first code within 15 minutes. */
  @Post('totp')
  @AllowedWhilePending('enrolment')
  @StepUp()
  @ApiCreatedResponse({ type: TotpEnrolmentStartDto })
  @ApiConflictResponse({ description: 'TOTP_ALREADY_ENROLLED' })
  startTotp(@CurrentUser() user: AuthenticatedUser, @Req() req: SessionRequest): Promise<TotpEnrolmentStartDto> {
    return this.enrolment.startTotp(ownerOf(user), actorOf(req));
  }

  @Post('totp/confirm')
  @AllowedWhilePending('enrolment')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: FactorAddedDto })
  @ApiBadRequestResponse({ description: 'CODE_INCORRECT' })
  @ApiConflictResponse({ description: 'TOTP_NOT_STARTED' })
  async confirmTotp(
    @Body() body: SecondFactorCodeDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: SessionRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<FactorAddedDto> {
    const codes = await this.enrolment.confirmTotp(ownerOf(user), body.code, actorOf(req));
    return this.added(user, codes, req, reply);
  }

  /** The options for navigator.credentials.create(); the challenge is this session's for five minutes. */
  @Post('passkeys/options')
  @AllowedWhilePending('enrolment')
  @StepUp()
  @HttpCode(200)
  @ApiOkResponse({ type: WebAuthnOptionsDto })
  passkeyOptions(@CurrentUser() user: AuthenticatedUser): Promise<WebAuthnOptionsDto> {
    return this.enrolment.passkeyOptions(ownerOf(user));
  }

  @Post('passkeys')
  @AllowedWhilePending('enrolment')
  @HttpCode(200)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: FactorAddedDto })
  @ApiBadRequestResponse({ description: 'CODE_INCORRECT: the answer did not prove a new passkey for this session' })
  async registerPasskey(
    @Body() body: PasskeyRegistrationDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: SessionRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<FactorAddedDto> {
    const codes = await this.enrolment.registerPasskey(ownerOf(user), body.name, body.response as unknown as RegistrationResponseJSON, actorOf(req));
    return this.added(user, codes, req, reply);
  }

  @Delete('totp')
  @StepUp()
  @ApiOkResponse({ type: AccountFactorsDto })
  @ApiNotFoundResponse({ description: 'TOTP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LAST_FACTOR' })
  @ApiForbiddenResponse({ description: 'STEP_UP_REQUIRED' })
  removeTotp(@CurrentUser() user: AuthenticatedUser, @Req() req: SessionRequest): Promise<AccountFactorsDto> {
    return this.enrolment.removeTotp(ownerOf(user), actorOf(req));
  }

  @Delete('passkeys/:id')
  @StepUp()
  @ApiOkResponse({ type: AccountFactorsDto })
  @ApiNotFoundResponse({ description: 'PASSKEY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LAST_FACTOR' })
  @ApiForbiddenResponse({ description: 'STEP_UP_REQUIRED' })
  removePasskey(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser, @Req() req: SessionRequest): Promise<AccountFactorsDto> {
    return this.enrolment.removePasskey(ownerOf(user), id, actorOf(req));
  }

  /** A new set of ten recovery codes, shown once; the old set stops working. */
  @Post('recovery-codes')
  @StepUp()
  @ApiCreatedResponse({ type: RecoveryCodeSetDto })
  @ApiConflictResponse({ description: 'NO_FACTOR' })
  @ApiForbiddenResponse({ description: 'STEP_UP_REQUIRED' })
  async replaceRecoveryCodes(@CurrentUser() user: AuthenticatedUser, @Req() req: SessionRequest): Promise<RecoveryCodeSetDto> {
    return { codes: await this.enrolment.replaceRecoveryCodes(ownerOf(user), actorOf(req)) };
  }

  private async added(user: AuthenticatedUser, recoveryCodes: string[] | null, req: SessionRequest, reply: Reply): Promise<FactorAddedDto> {
    await this.steps.factorGiven(req, reply);
    return { factors: await this.enrolment.overview(ownerOf(user)), recoveryCodes, session: { signedIn: true } };
  }
}

function ownerOf(user: AuthenticatedUser): Owner {
  return { id: user.id, role: user.role, sessionId: user.sessionId };
}
