import { ConnectionRequestInput } from '@achievement/contracts';
import { createHash } from 'node:crypto';

/** What a third party typed to name the learner they ask: shown back to them, and its key (the same request twice has the same key). */
export interface TypedRequest {
  /** the learner's email (lower case), or the enrolment number as typed; never the date of birth */
  shown: string;
  /** a digest of the normalised details, the date of birth included */
  key: string;
}

export function typedRequestOf(input: ConnectionRequestInput): TypedRequest {
  if (input.learnerEmail) {
    const email = input.learnerEmail.trim().toLowerCase();
    return { shown: email, key: digest(`email:${email}`) };
  }
  const shown = (input.enrolmentNumber ?? '').trim().replace(/\s+/g, ' ');
  return { shown, key: digest(`enrolment:${shown.replace(/\s+/g, '').toUpperCase()}:${input.dateOfBirth ?? ''}`) };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
