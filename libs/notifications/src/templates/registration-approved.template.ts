import { EmailTemplate } from './email-template';

/** An administrator approved a registration from the review queue. */
export const REGISTRATION_APPROVED: EmailTemplate = {
  name: 'registration-approved',
  subject: 'Your {{appName}} account is ready',
  html: `<p>Hello {{firstName}},</p>
<p>Your registration has been approved{{#if centreName}} for {{centreName}}{{/if}}. You can now sign in with the email address and password you registered with.</p>
<p><a href="{{signInUrl}}" style="color:#12355b;">Sign in</a></p>`,
  text: `Hello {{firstName}},

Your registration has been approved{{#if centreName}} for {{centreName}}{{/if}}. You can now sign in with the email address and password you registered with.

Sign in: {{signInUrl}}`,
};
