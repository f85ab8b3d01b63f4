import type { ErrorIssue, ProjectConfig } from '@hearth/schema';
import { ipFamily, isNonPublicAddress, unbracket } from './ip-address.js';

/** Names that resolve inside the network the collector runs in (metadata services, mDNS, this host). */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home.arpa', 'localdomain'];

/**
 * Why `url` must not receive a webhook unless the project allows private targets, or null. The
 * WHATWG parser has already turned decimal, octal and hex IPv4 forms (`2130706433`, `0x7f.1`) into
 * dotted ones and IPv4-mapped IPv6 into its hex form, so one address check sees them all. A name
 * is only judged by its shape here; where it resolves is checked at delivery time.
 */
export function webhookTargetProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must start with http:// or https://';
  const host = unbracket(parsed.hostname).replace(/\.$/, '').toLowerCase();
  if (ipFamily(host) !== 0) {
    return isNonPublicAddress(host) ? `points at ${host}, a loopback, private, link-local or reserved address` : null;
  }
  if (!host.includes('.')) return `points at "${host}", a name without a domain that resolves inside the local network`;
  if (INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return `points at "${host}", an internal name (metadata services, this host, the local network)`;
  }
  return null;
}

const OPT_OUT = 'set allowPrivateWebhookTargets: true on the project to allow it';

/**
 * The project's webhook URLs (survey webhooks, rewards fulfilment) that point inside the network,
 * as issues naming each field; none when the project explicitly allows private targets.
 */
export function webhookTargetIssues(project: ProjectConfig): ErrorIssue[] {
  if (project.allowPrivateWebhookTargets) return [];
  const urls: [string, string | undefined][] = [
    ...project.webhooks.map((hook, index): [string, string] => [`webhooks.${index}.url`, hook.url]),
    ['rewards.fulfilmentWebhookUrl', project.rewards?.fulfilmentWebhookUrl],
  ];
  return urls.flatMap(([path, url]) => {
    const problem = url === undefined ? null : webhookTargetProblem(url);
    return problem ? [{ path, message: `${problem}; ${OPT_OUT}` }] : [];
  });
}
