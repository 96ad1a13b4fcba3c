import { EmailTemplate } from './email-template';

/** After a password reset or change: tells the owner, in case it was not them. */
export const PASSWORD_CHANGED: EmailTemplate = {
  name: 'password-changed',
  subject: 'Your {{appName}} password was changed',
  html: `<p>Hello {{firstName}},</p>
<p>The password of your {{appName}} account was {{#if reset}}reset with a link sent to this address{{else}}changed{{/if}} on {{when}} (UTC). {{#if reset}}Every device that was signed in has been signed out.{{else}}Every other device that was signed in has been signed out.{{/if}}</p>
<p>If this was not you, <a href="{{forgotPasswordUrl}}" style="color:#12355b;">reset your password now</a> and contact us via Centres Hub using an Enquiry Form.</p>`,
  text: `Hello {{firstName}},

The password of your {{appName}} account was {{#if reset}}reset with a link sent to this address{{else}}changed{{/if}} on {{when}} (UTC). {{#if reset}}Every device that was signed in has been signed out.{{else}}Every other device that was signed in has been signed out.{{/if}}

If this was not you, reset your password now: {{forgotPasswordUrl}}
and contact us via Centres Hub using an Enquiry Form.`,
};
