/**
 * The strictest policy a Hearth customer is likely to run (docs/theming-and-csp.md): no
 * 'unsafe-inline', no 'unsafe-eval', Trusted Types required. The only inline script is the install
 * snippet, allowed by its hash. The only Trusted Types policy allowed is `hearth`, which the
 * snippet creates to set its one script URL (the core's); any other policy, or any string reaching
 * a DOM sink, is refused. The demo app itself needs 'self' for its own API calls (`connect-src`).
 */
export function strictCsp({ collectorOrigin, inlineScriptHash }: { collectorOrigin: string; inlineScriptHash: string }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${collectorOrigin} ${inlineScriptHash}`,
    "style-src 'self'",
    `connect-src 'self' ${collectorOrigin}`,
    // No `data:`: Hearth's icons are inline SVG. Announcement images would need their host here.
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types hearth',
  ].join('; ');
}
