import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LocalStrategy } from './auth/local.strategy';
import { Centre } from './centre.entity';
import { CentreContact } from './centre-contact.entity';
import { SessionCookies } from './sessions/session-cookies';
import { SessionGuard } from './sessions/session.guard';
import { SessionStore } from './sessions/session.store';
import { User } from './user.entity';

/** Accounts, roles and sessions; its SessionGuard guards every route of the app. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Centre, CentreContact]), PassportModule.register({ session: false })],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, SessionStore, SessionCookies, SessionGuard, { provide: APP_GUARD, useExisting: SessionGuard }],
  exports: [SessionStore, SessionCookies, AuthService],
})
export class IdentityModule {}
