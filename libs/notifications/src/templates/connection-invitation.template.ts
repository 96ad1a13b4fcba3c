import { EmailTemplate } from './email-template';

/** A learner shared documents with a third party: the link to see them (registering first if need be). */
export const CONNECTION_INVITATION: EmailTemplate = {
  name: 'connection-invitation',
  subject: '{{learnerName}} has shared {{#if single}}a document{{else}}documents{{/if}} with you on the {{appName}}',
  html: `<p>Hello {{thirdPartyName}},</p>
<p>{{learnerName}} has shared {{documentCount}} {{#if single}}document{{else}}documents{{/if}} of their achievements with you on the {{appName}}, so that you can see and verify {{#if single}}it{{else}}them{{/if}}. You have access until {{accessEnds}}.</p>
<p>Open the link below. If you do not have an account yet, register as a third party with this email address first; then accept the invitation.</p>
<p><a href="{{invitationUrl}}" style="color:#12355b;">See the shared documents</a></p>
<p>The link works once and until the access ends. If you were not expecting this, you can ignore it.</p>`,
  text: `Hello {{thirdPartyName}},

{{learnerName}} has shared {{documentCount}} {{#if single}}document{{else}}documents{{/if}} of their achievements with you on the {{appName}}, so that you can see and verify {{#if single}}it{{else}}them{{/if}}. You have access until {{accessEnds}}.

Open the link below. If you do not have an account yet, register as a third party with this email address first; then accept the invitation.

See the shared documents: {{invitationUrl}}

The link works once and until the access ends. If you were not expecting this, you can ignore it.`,
};
