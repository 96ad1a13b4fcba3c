import { SupportContacts } from '@achievement/contracts';
import { AppConfig, Public } from '@achievement/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';

class SupportContactsDto implements SupportContacts {
  @ApiProperty({ format: 'uri', description: "the Centres Hub's Enquiry Form" }) enquiryFormUrl: string;
  @ApiProperty({ format: 'email', description: 'the Centre Services team (problems on documents)' }) servicesTeamEmail: string;
}

/** The contact details of the Support page, from configuration (CENTRES_HUB_ENQUIRY_URL, SERVICES_TEAM_EMAIL). */
@ApiTags('Support')
@Controller('support')
export class SupportController {
  private readonly contacts: SupportContacts;

  constructor(config: AppConfig) {
    this.contacts = { enquiryFormUrl: config.CENTRES_HUB_ENQUIRY_URL, servicesTeamEmail: config.SERVICES_TEAM_EMAIL };
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: SupportContactsDto })
  get(): SupportContactsDto {
    return this.contacts;
  }
}
