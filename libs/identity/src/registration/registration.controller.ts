import { Actor, CurrentActor, Public } from '@achievement/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AcceptedResponseDto } from '../dto/accepted.response';
import { EmailOnlyDto } from '../dto/email-only.dto';
import { RegisterDto } from './dto/register.dto';
import { VerifyEmailDto, VerifyEmailResponseDto } from './dto/verify-email.dto';
import { REGISTRATION_ACCEPTED, RegistrationService, RESEND_ACCEPTED, VERIFIED_ACTIVE, VERIFIED_AWAITING_REVIEW } from './registration.service';

@ApiTags('Registration')
@Controller('registrations')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  /** Always 202 with the same answer, whether or not the address is registered already. */
  @Post()
  @Public()
  @HttpCode(202)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiBadRequestResponse({ description: 'A field is missing or not valid, or the password is too common or contains the name' })
  async register(@Body() body: RegisterDto, @CurrentActor() actor: Actor): Promise<AcceptedResponseDto> {
    await this.registrations.register(body, actor);
    return { message: REGISTRATION_ACCEPTED };
  }

  @Post('verify')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: VerifyEmailResponseDto })
  @ApiBadRequestResponse({ description: 'The link is not valid, was used already, was replaced by a newer one or has expired' })
  async verify(@Body() body: VerifyEmailDto, @CurrentActor() actor: Actor): Promise<VerifyEmailResponseDto> {
    const outcome = await this.registrations.verify(body.token, actor);
    return { outcome, message: outcome === 'active' ? VERIFIED_ACTIVE : VERIFIED_AWAITING_REVIEW };
  }

  /** Always 202 with the same answer. */
  @Post('resend')
  @Public()
  @HttpCode(202)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  async resend(@Body() body: EmailOnlyDto, @CurrentActor() actor: Actor): Promise<AcceptedResponseDto> {
    await this.registrations.resend(body.email, actor);
    return { message: RESEND_ACCEPTED };
  }
}
