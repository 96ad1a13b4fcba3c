/** The one layout every email shares. `body` is the rendered template body; `appName` and `publicUrl` are always set. */
export const LAYOUT_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0;">
    <tr><td align="center">
      <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;">
        <tr><td style="background:#12355b;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;">{{appName}}</td></tr>
        <tr><td style="padding:24px;font-size:15px;line-height:1.5;">{{{body}}}</td></tr>
        <tr><td style="padding:16px 24px;font-size:12px;color:#52606d;border-top:1px solid #e4e7eb;">
          This email was sent by {{appName}}. If you were not expecting it, you can ignore it.<br>
          <a href="{{publicUrl}}" style="color:#12355b;">{{publicUrl}}</a>
        </td></tr>
      </table>
    </td></tr>
  </table>
</body>
</html>`;

export const LAYOUT_TEXT = `{{{body}}}

--
{{appName}}
{{publicUrl}}
This email was sent by {{appName}}. If you were not expecting it, you can ignore it.
`;
