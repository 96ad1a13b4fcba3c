import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, Public, SignedIn } from '@achievement/platform';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AcceptedResponseDto, MessageResponseDto } from '../dto/accepted.response';
import { EmailOnlyDto } from '../dto/email-only.dto';
import { DeviceCookies } from '../auth/device-cookies';
import { ChangePasswordDto } from './dto/change-password.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { PasswordChangeService } from './password-change.service';
import { PASSWORD_WAS_RESET, PasswordResetService, RESET_REQUESTED } from './password-reset.service';

@ApiTags('Passwords')
@Controller('auth')
export class PasswordsController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly changes: PasswordChangeService,
    private readonly devices: DeviceCookies,
  ) {}

  /** Always 202 with the same answer, whether or not the address has an account. */
  @Post('forgot-password')
  @Public()
  @HttpCode(202)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  async forgotPassword(@Body() body: EmailOnlyDto, @CurrentActor() actor: Actor): Promise<AcceptedResponseDto> {
    await this.resets.requestReset(body.email, actor);
    return { message: RESET_REQUESTED };
  }

  @Post('reset-password')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOkResponse({ type: MessageResponseDto })
  @ApiBadRequestResponse({ description: 'The link is not valid, used or expired; or the password breaks a rule' })
  async resetPassword(@Body() body: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<MessageResponseDto> {
    await this.resets.resetPassword(body.token, body.password, actor);
    return { message: PASSWORD_WAS_RESET };
  }

  /** Ends every other session of the user. */
  @Post('change-password')
  @SignedIn()
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'The current password is wrong, or the new one breaks a rule' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords' })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
    @Req() req: { cookies?: Record<string, string | undefined> },
  ): Promise<void> {
    await this.changes.changePassword(user, body.currentPassword, body.newPassword, actor, req.cookies?.[this.devices.name]);
  }
}
