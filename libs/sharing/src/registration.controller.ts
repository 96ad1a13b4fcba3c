import { AcceptedResponse } from '@achievement/contracts';
import { LearnerDocumentsService } from '@achievement/documents';
import { AcceptedResponseDto, REGISTRATION_ACCEPTED, RegistrationService } from '@achievement/identity';
import { Actor, CurrentActor, Public } from '@achievement/platform';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LearnerRegistrationDto, ThirdPartyRegistrationDto } from './dto/registration.dto';

/**
 * Registration of learners (matched to their record by enrolment number and date of birth) and of
 * third parties. The answer never tells whether anything matched; the email to the address does.
 * The address is verified with the link of the identity registration (POST /api/registrations/verify).
 */
@ApiTags('Learners and third parties')
@Controller()
@Public()
export class SharingRegistrationController {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly learners: LearnerDocumentsService,
  ) {}

  @Post('learners/register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Register as a learner (enrolment number, date of birth, email, password)' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, description: 'Always the same answer; an email tells the owner of the address what happened' })
  @ApiBadRequestResponse({ description: 'A field is not valid (the message says which and why)' })
  async registerLearner(@Body() body: LearnerRegistrationDto, @CurrentActor() actor: Actor): Promise<AcceptedResponse> {
    const learner = await this.learners.findByEnrolment(body.enrolmentNumber, body.dateOfBirth);
    await this.registrations.registerPersonal(
      {
        role: 'learner',
        email: body.email,
        password: body.password,
        firstName: learner?.firstName ?? 'Learner',
        lastName: learner?.lastName ?? '',
        dateOfBirth: body.dateOfBirth,
        learnerId: learner?.id ?? null,
      },
      actor,
    );
    return { message: REGISTRATION_ACCEPTED };
  }

  @Post('third-parties/register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Register as a third party (an employer or anyone a learner shares with)' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, description: 'Always the same answer; an email tells the owner of the address what happened' })
  @ApiBadRequestResponse({ description: 'A field is not valid' })
  async registerThirdParty(@Body() body: ThirdPartyRegistrationDto, @CurrentActor() actor: Actor): Promise<AcceptedResponse> {
    await this.registrations.registerPersonal(
      {
        role: 'third_party',
        email: body.email,
        password: body.password,
        firstName: body.firstName,
        lastName: body.lastName,
        organisation: body.organisation ?? null,
      },
      actor,
    );
    return { message: REGISTRATION_ACCEPTED };
  }
}
