/*
 * The verification page a QR code opens, as the server writes it: plain, accessible HTML with the
 * live facts, its styles inline, no script and no web font, so a phone on mobile data reads the
 * answer after one round trip. The words come from @achievement/contracts (verification-wording),
 * which the portal's Check a PDF shows too. Handlebars escapes every value; only the icons and the
 * styles, both fixed, go in unescaped.
 */

/** The look of the portal's shell (its Material theme's colours), kept small. */
export const VERIFICATION_PAGE_STYLES = `
:root{color-scheme:light;--primary:#005cbb;--surface:#faf9fd;--on-surface:#1a1b1f;--variant:#44474e;--outline:#c4c6d0;--error:#ba1a1a;--error-container:#ffdad6;--on-error-container:#93000a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--surface);color:var(--on-surface);font:16px/1.5 Roboto,system-ui,-apple-system,"Segoe UI","Helvetica Neue",Arial,sans-serif}
a{color:var(--primary);text-underline-offset:.2em}
a:focus-visible,main:focus-visible{outline:3px solid var(--primary);outline-offset:2px}
.skip-link{position:absolute;left:8px;top:-48px;padding:8px 16px;background:#fff;border-radius:4px;z-index:3}
.skip-link:focus{top:8px}
.top-bar{display:flex;align-items:center;gap:8px;min-height:64px;padding:0 16px;background:var(--surface);box-shadow:0 1px 3px rgb(0 0 0/20%)}
.product{flex:1 1 auto;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:inherit;text-decoration:none;font-size:22px;line-height:28px}
.button{display:inline-flex;align-items:center;gap:8px;min-height:40px;padding:0 16px 0 12px;border:1px solid #74777f;border-radius:20px;color:var(--primary);font-weight:500;font-size:14px;text-decoration:none}
.top-bar .button{border-color:transparent}
.icon{width:24px;height:24px;flex:none;fill:currentColor}
main{display:block;padding:24px;max-width:1008px}
h1{font-size:24px;line-height:32px;font-weight:400;margin:0 0 16px}
h2{font-size:22px;line-height:28px;font-weight:400;margin:24px 0 8px}
p{margin:0}
.banner{display:flex;align-items:flex-start;gap:16px;padding:16px 20px;border-radius:8px;border-left:8px solid}
.banner .icon{width:48px;height:48px}
.banner a{color:inherit;font-weight:500}
.banner__title{font-size:28px;line-height:36px;margin-bottom:4px}
.banner--valid{background:#c8e6c9;color:#1b5e20;border-color:#2e7d32}
.banner--revoked{background:var(--error-container);color:var(--on-error-container);border-color:var(--error)}
.banner--superseded{background:#fff3c4;color:#5d4200;border-color:#b28704}
.problem{display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:12px 16px;border-radius:4px;background:var(--error-container);color:var(--on-error-container)}
.problem p{flex:1 1 240px}
.problem .button{color:inherit;border-color:currentColor}
dl{display:grid;grid-template-columns:max-content 1fr;gap:8px 16px;margin:0}
dt{font-weight:500;color:var(--variant)}
dd{margin:0;overflow-wrap:anywhere}
.viewer-actions{margin:0 0 8px}
.pdf{width:100%;height:80vh;min-height:360px;border:1px solid var(--outline);border-radius:8px}
.again{margin-top:24px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:599.98px){
.top-bar{min-height:56px;padding:0 4px 0 16px}
.product{font-size:16px;line-height:24px;font-weight:500}
main{padding:16px}
.banner{padding:12px 16px;gap:12px}
.banner .icon{width:36px;height:36px}
dl{grid-template-columns:1fr;gap:2px}
dd{margin-bottom:8px}
}
`;

export const VERIFICATION_PAGE_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Document verification – Achievement Portal</title>
<link rel="icon" href="data:,">
<style>{{{styles}}}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="top-bar">
<a class="product" href="/">Achievement Portal</a>
<a class="button" href="/sign-in">{{{icons.login}}}Sign in</a>
</header>
<main id="main" tabindex="-1">
<div class="verification-page" data-testid="verification">
<h1>Document verification</h1>
{{#if problem}}
<div class="problem" role="alert" data-testid="verify-error">
{{{icons.error}}}
<p>{{problem.message}}</p>
{{#if problem.retryUrl}}<a class="button" href="{{problem.retryUrl}}">{{{icons.refresh}}}Try again</a>{{/if}}
</div>
{{/if}}
{{#if doc}}
<div class="banner banner--{{doc.status}}" role="status" data-testid="verify-status" data-status="{{doc.status}}">
{{{doc.icon}}}
<div>
<p class="banner__title">{{doc.words.title}}</p>
<p>{{doc.words.text}}{{#if doc.currentVersionUrl}} <a href="{{doc.currentVersionUrl}}" data-testid="verify-current-version">Check the current version</a>{{/if}}</p>
</div>
</div>
<section class="facts" aria-labelledby="facts-title">
<h2 id="facts-title">Key facts</h2>
<dl data-testid="verify-facts">
{{#each doc.facts}}<dt>{{term}}</dt><dd>{{#if date}}<time datetime="{{date}}">{{detail}}</time>{{else}}{{detail}}{{/if}}</dd>
{{/each}}</dl>
</section>
{{#if doc.documentUrl}}
<section class="viewer" aria-labelledby="viewer-title">
<h2 id="viewer-title">The document</h2>
<p class="viewer-actions"><a class="button" href="{{doc.documentUrl}}" target="_blank" rel="noopener" data-testid="verify-open-document">{{{icons.openInNew}}}Open the document<span class="visually-hidden"> (opens in a new tab)</span></a></p>
<iframe class="pdf" src="{{doc.documentUrl}}" title="Document {{doc.documentNumber}} (PDF)" data-testid="verify-document"></iframe>
</section>
{{/if}}
{{/if}}
<p class="again"><a href="/verify">Check another document</a></p>
</div>
</main>
</body>
</html>
`;
