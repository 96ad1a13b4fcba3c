import { Actor, CurrentActor, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ContactImportErrorFilter } from './contact-import.error';
import { ContactImportService } from './contact-import.service';
import { CentresService } from './centres.service';
import { CentreDetailDto, CentreListQueryDto, CentrePageDto, CreateCentreDto, UpdateCentreDto } from './dto/centre.dto';
import { ImportContactsDto, ImportContactsResponseDto } from './dto/import-contacts.dto';

@ApiTags('Centres (administrators)')
@Controller('admin/centres')
@Roles('administrator')
export class CentresController {
  constructor(
    private readonly centres: CentresService,
    private readonly imports: ContactImportService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CentrePageDto })
  list(@Query() query: CentreListQueryDto): Promise<CentrePageDto> {
    return this.centres.listCentres(query);
  }

  @Post()
  @ApiCreatedResponse({ type: CentreDetailDto })
  @ApiConflictResponse({ description: 'Another centre has that number' })
  create(@Body() body: CreateCentreDto, @CurrentActor() actor: Actor): Promise<CentreDetailDto> {
    return this.centres.createCentre(body, actor);
  }

  /** CSV with a header row; all rows or none. A 400 lists every problem as rowErrors with its line (header = line 1). */
  @Post('contacts/import')
  @HttpCode(200)
  @UseFilters(ContactImportErrorFilter)
  @ApiOkResponse({ type: ImportContactsResponseDto })
  @ApiBadRequestResponse({ description: 'Nothing was imported; rowErrors lists each problem with its line and column' })
  importContacts(@Body() body: ImportContactsDto, @CurrentActor() actor: Actor): Promise<ImportContactsResponseDto> {
    return this.imports.importContacts(body.csv, actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: CentreDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseIdPipe) id: number): Promise<CentreDetailDto> {
    return this.centres.getCentre(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CentreDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Another centre has that number' })
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateCentreDto, @CurrentActor() actor: Actor): Promise<CentreDetailDto> {
    return this.centres.updateCentre(id, body, actor);
  }
}
