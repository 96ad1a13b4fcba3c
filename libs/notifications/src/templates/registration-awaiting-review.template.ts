import { EmailTemplate } from './email-template';

/** The address is verified but the details did not match the body's records: an administrator will check them. */
export const REGISTRATION_AWAITING_REVIEW: EmailTemplate = {
  name: 'registration-awaiting-review',
  subject: 'Your {{appName}} registration is being checked',
  html: `<p>Hello {{firstName}},</p>
<p>Thank you for verifying your email address. The details you registered with did not match the details we hold for your centre exactly, so an administrator will check your registration.</p>
<p>We will email you as soon as it has been decided. Until then you cannot sign in.</p>
<p>If you have questions, contact us via Centres Hub using an Enquiry Form.</p>`,
  text: `Hello {{firstName}},

Thank you for verifying your email address. The details you registered with did not match the details we hold for your centre exactly, so an administrator will check your registration.

We will email you as soon as it has been decided. Until then you cannot sign in.

If you have questions, contact us via Centres Hub using an Enquiry Form.`,
};
