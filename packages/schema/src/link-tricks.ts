/**
 * Test corpus: links that try to leave the host page's site while looking relative, or to run
 * script. Each must be refused or resolve to the page's origin, in the schema, on the server and
 * in the widget. `TRAIT_TRICKS` are trait values for a `/{{user.next}}` template.
 */
const CONTROL_CHARS = [
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x22 }, (_, i) => String.fromCharCode(0x7f + i)),
  '\u1680',
  '\u2000',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];

const TRICKS = [
  '//evil.example/x',
  '///evil.example/x',
  '////evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example/x',
  '\\/evil.example/x',
  '/\\/evil.example/x',
  '\\evil.example/x',
  '/%2F/evil.example/x',
  '/%2f%2fevil.example/x',
  '%2F%2Fevil.example/x',
  '/%5Cevil.example/x',
  '/%5C%5Cevil.example/x',
  '/..//evil.example/x',
  '/.//evil.example/x',
  'https:evil.example/x',
  'http:evil.example/x',
  'http:/evil.example/x',
  'https:\\\\evil.example/x',
  'evil.example/x',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'java%0ascript:alert(1)',
  'vbscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ...CONTROL_CHARS.flatMap((c) => [
    `/${c}/evil.example/x`,
    `${c}//evil.example/x`,
    `/${c}\\evil.example/x`,
    `java${c}script:alert(1)`,
    `${c}javascript:alert(1)`,
  ]),
];

export const LINK_TRICKS: readonly string[] = TRICKS;

/** Trait values that a `/{{user.next}}` template turns into the tricks above. */
export const TRAIT_TRICKS: readonly string[] = [
  ...TRICKS.filter((t) => t.startsWith('/')).map((t) => t.slice(1)),
  '/evil.example/x',
  '\\evil.example/x',
  '\t/evil.example/x',
  '%2F/evil.example/x',
  ...TRICKS,
];

/** Links that must keep working. */
export const GOOD_LINKS: readonly string[] = [
  '/settings',
  '/a/b?x=1#y',
  '/%2F',
  '/@me',
  'https://docs.example.com/x?y=1',
  'http://partner.example/',
];
