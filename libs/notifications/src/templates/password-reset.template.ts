import { EmailTemplate } from './email-template';

/** "Forgot password": the single-use reset link (one hour). */
export const PASSWORD_RESET: EmailTemplate = {
  name: 'password-reset',
  subject: 'Reset your {{appName}} password',
  html: `<p>Hello {{firstName}},</p>
<p>We received a request to reset the password of your {{appName}} account. To choose a new password, follow this link within one hour:</p>
<p><a href="{{link}}" style="color:#12355b;">Choose a new password</a></p>
<p>The link works once. Resetting your password signs you out on every device.</p>
<p>If you did not ask for this, ignore this email: your password has not changed.</p>`,
  text: `Hello {{firstName}},

We received a request to reset the password of your {{appName}} account. To choose a new password, open this link within one hour:

{{link}}

The link works once. Resetting your password signs you out on every device.

If you did not ask for this, ignore this email: your password has not changed.`,
};
