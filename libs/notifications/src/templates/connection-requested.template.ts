import { EmailTemplate } from './email-template';

/** A third party asked a learner for access to their documents. */
export const CONNECTION_REQUESTED: EmailTemplate = {
  name: 'connection-requested',
  subject: '{{thirdPartyName}} asks to see your documents on the {{appName}}',
  html: `<p>Hello {{firstName}},</p>
<p>{{thirdPartyName}}{{#if organisation}} ({{organisation}}){{/if}}, {{thirdPartyEmail}}, asks to see your documents on the {{appName}}.</p>
{{#if message}}<p>Their message: “{{message}}”</p>{{/if}}
<p>Sign in and open Connections: the request is pending there. Accept it with the tick and choose the documents to share and for how long, or decline it. Nothing is shared until you accept.</p>
<p><a href="{{connectionsUrl}}" style="color:#12355b;">Open Connections</a></p>`,
  text: `Hello {{firstName}},

{{thirdPartyName}}{{#if organisation}} ({{organisation}}){{/if}}, {{thirdPartyEmail}}, asks to see your documents on the {{appName}}.
{{#if message}}
Their message: "{{message}}"
{{/if}}
Sign in and open Connections: the request is pending there. Accept it with the tick and choose the documents to share and for how long, or decline it. Nothing is shared until you accept.

Open Connections: {{connectionsUrl}}`,
};
