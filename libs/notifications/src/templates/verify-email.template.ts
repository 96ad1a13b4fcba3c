import { EmailTemplate } from './email-template';

/** After registration (and on "send a new link"): the single-use link that verifies the address. */
export const VERIFY_EMAIL: EmailTemplate = {
  name: 'verify-email',
  subject: 'Verify your email address for {{appName}}',
  html: `<p>Hello {{firstName}},</p>
<p>Thank you for registering with {{appName}}. To verify your email address, follow this link within {{hours}} hours:</p>
<p><a href="{{link}}" style="color:#12355b;">Verify my email address</a></p>
<p>The link works once. If it has expired, ask for a new one on the sign-in page.</p>
<p>If you did not register, ignore this email: no account is opened without the link.</p>`,
  text: `Hello {{firstName}},

Thank you for registering with {{appName}}. To verify your email address, open this link within {{hours}} hours:

{{link}}

The link works once. If it has expired, ask for a new one on the sign-in page.

If you did not register, ignore this email: no account is opened without the link.`,
};
