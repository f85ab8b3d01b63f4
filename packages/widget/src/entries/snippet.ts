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
  script.src = coreUrl;
  d.head.appendChild(script);
}
