import { CONNECTION_STATUSES, ConnectionStatus, ConnectionView, InvitationSummary, LearnerConnection, ThirdPartyConnection } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { SharedDocumentDto } from './document.responses';

/** Who asked for a connection: every value of LearnerConnection['origin'] (the compiler checks none is missing). */
const CONNECTION_ORIGINS = Object.keys({ learner: true, third_party: true } satisfies Record<LearnerConnection['origin'], true>);

class ConnectionThirdPartyDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
}

/** A connection as the learner manages it. */
export class LearnerConnectionDto implements LearnerConnection {
  @ApiProperty() id: number;
  @ApiProperty({ enum: CONNECTION_ORIGINS, description: 'who asked: the learner (an invitation) or the third party (a request)' })
  origin: LearnerConnection['origin'];
  @ApiProperty({ enum: CONNECTION_STATUSES }) status: ConnectionStatus;
  @ApiProperty({ type: ConnectionThirdPartyDto }) thirdParty: ConnectionThirdPartyDto;
  @ApiProperty({ description: 'the third party has an account and is linked to this connection' }) thirdPartyJoined: boolean;
  @ApiProperty({ type: String, nullable: true, description: "the third party's message with a request" }) message: string | null;
  @ApiProperty({ type: [Number] }) documentIds: number[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when access ends; null while pending' }) accessEndsAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it was accepted, declined, ended or expired' })
  decidedAt: string | null;
  @ApiProperty({ description: 'how many times the third party has viewed a shared document' }) viewCount: number;
}

/** GET /api/learner/connections/:id/views: a time the third party opened a shared document. */
export class ConnectionViewDto implements ConnectionView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() documentId: number;
  @ApiProperty() documentNumber: string;
}

/** GET /api/invitations/:token: what an invitation link shares. */
export class InvitationSummaryDto implements InvitationSummary {
  @ApiProperty() learnerName: string;
  @ApiProperty({ description: 'the address the invitation was sent to (the third party must sign in or register with it)' }) email: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) accessEndsAt: string | null;
  @ApiProperty() documentCount: number;
}

/** A connection as the third party sees it. */
export class ThirdPartyConnectionDto implements ThirdPartyConnection {
  @ApiProperty() id: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "the learner's name once they have shared with you (an invitation, or your request accepted); null until then: a request shows only what you typed",
  })
  learnerName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "what you typed when you asked (the learner's email, or the enrolment number); null for an invitation",
  })
  requestedAs: string | null;
  @ApiProperty({ enum: CONNECTION_STATUSES }) status: ConnectionStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) accessEndsAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [SharedDocumentDto], description: 'empty unless the connection is active and not past its end' }) documents: SharedDocumentDto[];
}
