import { Actor, CurrentActor, ParseIdPipe, Roles } from '@achievement/platform';
import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  ) {}

  @Get()
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: AdminUserListQueryDto): Promise<AdminUserPageDto> {
    return this.users.listUsers(query);
  }

  /** Deregistration: sessions end at once, personal data is anonymised, the audit trail stays. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already deleted, or the last active administrator' })
  async remove(@Param('id', ParseIdPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.deregistration.deleteAccount(id, actor);
  }
}
