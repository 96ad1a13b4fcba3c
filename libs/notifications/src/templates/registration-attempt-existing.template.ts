import { EmailTemplate } from './email-template';

/** Someone registered with an address that already has an account: its owner is told (the registration page says the same to everyone). */
export const REGISTRATION_ATTEMPT_EXISTING: EmailTemplate = {
  name: 'registration-attempt-existing',
  subject: 'Someone tried to register with your email address',
  html: `<p>Hello {{firstName}},</p>
<p>Someone, perhaps you, tried to register with {{appName}} using this email address. It already has an account, so no new account was made.</p>
{{#if pendingVerification}}<p>Your registration is waiting for you to verify your address. <a href="{{resendUrl}}" style="color:#12355b;">Ask for a new verification link</a>.</p>
{{else if rejected}}<p>Your earlier registration was not approved. If you think that is a mistake, contact us via Centres Hub using an Enquiry Form.</p>
{{else}}<p>If it was you, <a href="{{signInUrl}}" style="color:#12355b;">sign in</a>, or <a href="{{forgotPasswordUrl}}" style="color:#12355b;">reset your password</a> if you have forgotten it.</p>
{{/if}}<p>If it was not you, you need do nothing: your account has not changed.</p>`,
  text: `Hello {{firstName}},

Someone, perhaps you, tried to register with {{appName}} using this email address. It already has an account, so no new account was made.

{{#if pendingVerification}}Your registration is waiting for you to verify your address. Ask for a new verification link: {{resendUrl}}{{else if rejected}}Your earlier registration was not approved. If you think that is a mistake, contact us via Centres Hub using an Enquiry Form.{{else}}If it was you, sign in: {{signInUrl}}
Forgotten your password? Reset it: {{forgotPasswordUrl}}{{/if}}

If it was not you, you need do nothing: your account has not changed.`,
};
