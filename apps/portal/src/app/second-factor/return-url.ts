/** The page to go back to after signing in: only a path of this site, never another origin or a sign-in page. */
export function safeReturnUrl(requested: string | null): string {
  if (requested && requested.startsWith('/') && !requested.startsWith('//') && !requested.startsWith('/\\') && !requested.startsWith('/sign-in')) {
    return requested;
  }
  return '/';
}
