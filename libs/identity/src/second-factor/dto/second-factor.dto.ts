import {
  AccountFactors,
  FactorAdded,
  PasskeyRegistrationRequest,
  PasskeySummary,
  PendingSignIn,
  RecoveryCodeSet,
  SECOND_FACTOR_KINDS,
  SecondFactorCodeRequest,
  SecondFactorKind,
  TotpEnrolmentStart,
} from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RawTextField, RequiredText, rule } from '../../validation/field-rules';

/** A passkey's answer as @simplewebauthn/browser gives it; the library checks the rest. */
const WebAuthnResponseField = (field: string) =>
  rule('webauthnResponse', (v) =>
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as { id?: unknown }).id === 'string' &&
    typeof (v as { response?: unknown }).response === 'object'
      ? null
      : `${field} must be the answer of the passkey or security key (an object with id and response)`,
  );

export class SecondFactorCodeDto implements SecondFactorCodeRequest {
  @ApiProperty({ description: 'the 6-digit code of the authenticator app, or a recovery code', example: '123456' })
  @RawTextField('code', 1, 64, 'a code')
  code: string;
}

export class PasskeyAnswerDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'AuthenticationResponseJSON from @simplewebauthn/browser' })
  @WebAuthnResponseField('response')
  response: Record<string, unknown>;
}

export class PasskeyRegistrationDto implements PasskeyRegistrationRequest {
  @ApiProperty({ maxLength: 100, example: 'Work laptop' })
  @RequiredText('name', 100)
  name: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'RegistrationResponseJSON from @simplewebauthn/browser' })
  @WebAuthnResponseField('response')
  response: Record<string, unknown>;
}

export class PendingSignInDto implements PendingSignIn {
  @ApiProperty({ enum: ['second_factor', 'enrolment'] }) step: 'second_factor' | 'enrolment';
  @ApiProperty({ enum: SECOND_FACTOR_KINDS, isArray: true }) methods: SecondFactorKind[];
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

class FactorUseDto {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

export class PasskeySummaryDto implements PasskeySummary {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

class RecoveryCodesSummaryDto {
  @ApiProperty() remaining: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AccountFactorsDto implements AccountFactors {
  @ApiProperty({ description: 'whether this account’s role must use a second factor' }) required: boolean;
  @ApiProperty({ type: FactorUseDto, nullable: true }) totp: FactorUseDto | null;
  @ApiProperty({ type: [PasskeySummaryDto] }) passkeys: PasskeySummaryDto[];
  @ApiProperty({ type: RecoveryCodesSummaryDto, nullable: true }) recoveryCodes: RecoveryCodesSummaryDto | null;
}

export class TotpEnrolmentStartDto implements TotpEnrolmentStart {
  @ApiProperty({ description: 'base32, to type in by hand' }) secret: string;
  @ApiProperty() otpauthUri: string;
  @ApiProperty({ description: 'an SVG document' }) qrSvg: string;
}

class SignedInStateDto {
  @ApiProperty() signedIn: boolean;
}

export class FactorAddedDto implements FactorAdded {
  @ApiProperty({ type: AccountFactorsDto }) factors: AccountFactorsDto;
  @ApiProperty({ type: [String], nullable: true, description: 'shown once' }) recoveryCodes: string[] | null;
  @ApiProperty({ type: SignedInStateDto }) session: SignedInStateDto;
}

export class RecoveryCodeSetDto implements RecoveryCodeSet {
  @ApiProperty({ type: [String] }) codes: string[];
}

/** POST .../passkey/options and .../passkeys/options: the options for the browser's WebAuthn call. */
export class WebAuthnOptionsDto {
  @ApiProperty() challenge: string;
}
