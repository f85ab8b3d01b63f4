/**
 * The inline stub customers paste into their page (built to `dist/snippet.min.js`, ≤ 600 bytes).
 * It defines `window.Hearth` as a queue — each call's arguments pushed to `Hearth.q` — and injects
 * the core as `<script type="module" async>`; the core replays the queue in order.
 *
 * The built file calls `installStub(window, document, "{{CORE_URL}}")`: replace the
 * `{{CORE_URL}}` placeholder with your collector's `/sdk/hearth.js` URL, then call `init`:
 *
 *   <script>…snippet.min.js with {{CORE_URL}} replaced…</script>
 *   <script>Hearth('init', { projectKey: 'pk_…' });</script>
 *
 * A placeholder (rather than a function argument the host fills in) keeps the paste one block
 * and lets a server template it with a plain string replace.
 */
export interface StubWindow {
  Hearth?: ((...args: unknown[]) => void) & { q?: unknown[] };
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(): string }): { createScriptURL(input: string): unknown } };
}

export function installStub(w: StubWindow, d: Document, coreUrl: string): void {
  if (w.Hearth) return;
  const queue: unknown[] = [];
  const stub = function () {
    // eslint-disable-next-line prefer-rest-params -- `arguments` is the shortest way to queue a call.
    queue.push(arguments);
  } as NonNullable<StubWindow['Hearth']>;
  stub.q = queue;
  w.Hearth = stub;
  const script = d.createElement('script');
  script.type = 'module';
  script.async = true;
  // Under Trusted Types (`require-trusted-types-for 'script'`) a plain string may not become a script
  // URL; the `hearth` policy vouches for this one URL only. A CSP that does not allow the policy
  // name makes createPolicy throw: fall back to the string, which works wherever TT is not enforced.
  let src: unknown = coreUrl;
  try {
    if (w.trustedTypes) src = w.trustedTypes.createPolicy('hearth', { createScriptURL: () => coreUrl }).createScriptURL('');
  } catch {
    /* policy refused by the page's CSP */
  }
  script.src = src as string;
  d.head.appendChild(script);
}
