import { EmailTemplate } from './email-template';

/** An administrator rejected a registration from the review queue, with a reason. */
export const REGISTRATION_REJECTED: EmailTemplate = {
  name: 'registration-rejected',
  subject: 'Your {{appName}} registration was not approved',
  html: `<p>Hello {{firstName}},</p>
<p>We could not approve your registration. The reason given was:</p>
<blockquote style="margin:12px 0;padding:8px 12px;border-left:4px solid #12355b;background:#f4f5f7;">{{reason}}</blockquote>
<p>If you think this is a mistake, contact us via Centres Hub using an Enquiry Form, giving your name, date of birth and centre number.</p>`,
  text: `Hello {{firstName}},

We could not approve your registration. The reason given was:

  {{reason}}

If you think this is a mistake, contact us via Centres Hub using an Enquiry Form, giving your name, date of birth and centre number.`,
};
