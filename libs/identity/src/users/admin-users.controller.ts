import { Actor, CurrentActor, ParseIdPipe, Roles, StepUp } from '@achievement/platform';
import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FactorEnrolmentService } from '../second-factor/factor-enrolment.service';
import { AdminUsersService } from './admin-users.service';
import { DeregistrationService } from './deregistration.service';
import { AdminUserListQueryDto, AdminUserPageDto } from './dto/admin-user.dto';

@ApiTags('Accounts (administrators)')
@Controller('admin/users')
@Roles('administrator')
export class AdminUsersController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly deregistration: DeregistrationService,
    private readonly factors: FactorEnrolmentService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: AdminUserListQueryDto): Promise<AdminUserPageDto> {
    return this.users.listUsers(query);
  }

  /** Deregistration: sessions end at once, personal data is anonymised, the audit trail stays. */
  @Delete(':id')
  @StepUp()
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already deleted, or the last active administrator' })
  async remove(@Param('id', ParseIdPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.deregistration.deleteAccount(id, actor);
  }

  /** Removes every second factor of another account (lost phone and codes); its sessions end and it enrols again if its role must. */
  @Post(':id/factors/reset')
  @StepUp()
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'OWN_FACTORS: nobody resets their own; STEP_UP_REQUIRED' })
  async resetFactors(@Param('id', ParseIdPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.factors.resetFactorsOf(id, actor);
  }
}
