import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, SignedIn } from '@achievement/platform';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProfileResponseDto } from './dto/profile.response';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('Profile')
@Controller('profile')
@SignedIn()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @ApiOkResponse({ type: ProfileResponseDto })
  get(@CurrentUser() user: AuthenticatedUser): Promise<ProfileResponseDto> {
    return this.profiles.getProfile(user.id);
  }

  @Patch()
  @ApiOkResponse({ type: ProfileResponseDto })
  @ApiBadRequestResponse({ description: 'A field is not valid, or the address is incomplete' })
  update(@Body() body: UpdateProfileDto, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<ProfileResponseDto> {
    return this.profiles.updateProfile(user.id, body, actor);
  }
}
