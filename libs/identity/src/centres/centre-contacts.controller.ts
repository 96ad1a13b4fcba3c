import { Actor, CurrentActor, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CentreContactsService } from './centre-contacts.service';
import { CentreContactDto, ContactPageDto, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { IdPageQueryDto } from './dto/page-query.dto';

@ApiTags('Centres (administrators)')
@Controller('admin/centres/:id/contacts')
@Roles('administrator')
export class CentreContactsController {
  constructor(private readonly contacts: CentreContactsService) {}

  @Get()
  @ApiOkResponse({ type: ContactPageDto })
  @ApiNotFoundResponse()
  list(@Param('id', ParseIdPipe) centreId: number, @Query() query: IdPageQueryDto): Promise<ContactPageDto> {
    return this.contacts.listContacts(centreId, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CentreContactDto })
  @ApiConflictResponse({ description: 'The centre already has a contact record with that email' })
  create(@Param('id', ParseIdPipe) centreId: number, @Body() body: CreateContactDto, @CurrentActor() actor: Actor): Promise<CentreContactDto> {
    return this.contacts.createContact(centreId, body, actor);
  }

  @Get(':contactId')
  @ApiOkResponse({ type: CentreContactDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseIdPipe) centreId: number, @Param('contactId', ParseIdPipe) contactId: number): Promise<CentreContactDto> {
    return this.contacts.getContact(centreId, contactId);
  }

  @Patch(':contactId')
  @ApiOkResponse({ type: CentreContactDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The centre already has a contact record with that email' })
  update(
    @Param('id', ParseIdPipe) centreId: number,
    @Param('contactId', ParseIdPipe) contactId: number,
    @Body() body: UpdateContactDto,
    @CurrentActor() actor: Actor,
  ): Promise<CentreContactDto> {
    return this.contacts.updateContact(centreId, contactId, body, actor);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param('id', ParseIdPipe) centreId: number, @Param('contactId', ParseIdPipe) contactId: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.contacts.deleteContact(centreId, contactId, actor);
  }
}
