import { EmailTemplate } from './email-template';

/** A connection reached the end of its access (sent to the learner and to the third party). */
export const CONNECTION_EXPIRED: EmailTemplate = {
  name: 'connection-expired',
  subject: 'Access to {{#if toLearner}}your documents by {{thirdPartyName}}{{else}}the documents of {{learnerName}}{{/if}} has ended',
  html: `<p>Hello {{firstName}},</p>
{{#if toLearner}}<p>The access you gave {{thirdPartyName}} ({{thirdPartyEmail}}) to your documents on the {{appName}} ended on {{endedAt}}. They can no longer see them. You can share again from Connections at any time.</p>
<p><a href="{{connectionsUrl}}" style="color:#12355b;">Open Connections</a></p>{{else}}<p>Your access to the documents {{learnerName}} shared with you on the {{appName}} ended on {{endedAt}}. To see them again, ask {{learnerName}} for access.</p>{{/if}}`,
  text: `Hello {{firstName}},

{{#if toLearner}}The access you gave {{thirdPartyName}} ({{thirdPartyEmail}}) to your documents on the {{appName}} ended on {{endedAt}}. They can no longer see them. You can share again from Connections at any time.

Open Connections: {{connectionsUrl}}{{else}}Your access to the documents {{learnerName}} shared with you on the {{appName}} ended on {{endedAt}}. To see them again, ask {{learnerName}} for access.{{/if}}`,
};
