import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';

/** The portal pages that sharing emails link to. */
@Injectable()
export class SharingLinks {
  private readonly base: string;

  constructor(config: AppConfig) {
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  invitation(token: string): string {
    return `${this.base}/invitations/${encodeURIComponent(token)}`;
  }

  learnerConnections(): string {
    return `${this.base}/learner/connections`;
  }

  sharedWithMe(): string {
    return `${this.base}/third-party`;
  }
}
