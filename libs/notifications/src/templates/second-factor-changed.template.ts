import { EmailTemplate } from './email-template';

/**
 * After a second factor was added or removed, the recovery codes replaced, or every factor reset by
 * an administrator: tells the owner, in case it was not them. One of `added`, `recoveryCodes`, `reset`
 * is true (none: removed); `factor` names the factor ("an authenticator app", "the passkey “Work laptop”").
 */
export const SECOND_FACTOR_CHANGED: EmailTemplate = {
  name: 'second-factor-changed',
  subject:
    '{{#if added}}A second factor was added to your {{appName}} account{{else if recoveryCodes}}Your {{appName}} recovery codes were replaced{{else if reset}}Your {{appName}} second factors were reset{{else}}A second factor was removed from your {{appName}} account{{/if}}',
  html: `<p>Hello {{firstName}},</p>
<p>{{#if added}}{{factor}} was added to your {{appName}} account on {{when}} (UTC). From now on you can use it at sign-in.{{else if recoveryCodes}}New recovery codes were made for your {{appName}} account on {{when}} (UTC). The old codes no longer work.{{else if reset}}An administrator removed every second factor of your {{appName}} account (authenticator app, passkeys and recovery codes) on {{when}} (UTC), and every device was signed out. {{#if required}}At your next sign-in you will set up a new one.{{/if}}{{else}}{{factor}} was removed from your {{appName}} account on {{when}} (UTC). It can no longer be used to sign in.{{/if}}</p>
<p>If this was not you, <a href="{{forgotPasswordUrl}}" style="color:#12355b;">reset your password now</a> and contact us via Centres Hub using an Enquiry Form.</p>`,
  text: `Hello {{firstName}},

{{#if added}}{{factor}} was added to your {{appName}} account on {{when}} (UTC). From now on you can use it at sign-in.{{else if recoveryCodes}}New recovery codes were made for your {{appName}} account on {{when}} (UTC). The old codes no longer work.{{else if reset}}An administrator removed every second factor of your {{appName}} account (authenticator app, passkeys and recovery codes) on {{when}} (UTC), and every device was signed out. {{#if required}}At your next sign-in you will set up a new one.{{/if}}{{else}}{{factor}} was removed from your {{appName}} account on {{when}} (UTC). It can no longer be used to sign in.{{/if}}

If this was not you, reset your password now: {{forgotPasswordUrl}}
and contact us via Centres Hub using an Enquiry Form.`,
};
