import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EmailDetailDto, EmailPageDto, QueuedEmailDto } from './dto/email-log.response';
import { EmailLogQueryDto } from './dto/email-log-query.dto';
import { SendTestEmailDto } from './dto/send-test-email.dto';
import { EmailLogService } from './email-log.service';

@ApiTags('Email log')
@Controller('admin/emails')
@Roles('administrator', 'support')
export class EmailLogController {
  constructor(private readonly emails: EmailLogService) {}

  @Get()
  @ApiOkResponse({ type: EmailPageDto })
  list(@Query() query: EmailLogQueryDto): Promise<EmailPageDto> {
    return this.emails.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EmailDetailDto })
  get(@Param('id', new ParseIntPipe({ errorHttpStatusCode: 400 })) id: number): Promise<EmailDetailDto> {
    return this.emails.get(id);
  }

  @Post('test')
  @HttpCode(202)
  @Roles('administrator')
  @ApiAcceptedResponse({ type: QueuedEmailDto })
  async sendTest(@Body() body: SendTestEmailDto, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<QueuedEmailDto> {
    return { id: await this.emails.sendTest(actor, user.name, body.to) };
  }
}
