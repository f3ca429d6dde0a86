/**
 * The domains whose links Slack tells the app about (`link_shared`), as `manifest.yml` lists them under
 * `features.unfurl_domains` (test/manifest.test.ts checks that the two agree and that they cover every host
 * the catalogue records). A domain covers its subdomains: `iom.int` covers `publications.iom.int`, as Slack
 * matches them (its `link_shared` event names the registered domain of a link to a subdomain). Slack takes
 * at most five.
 */
export const UNFURL_DOMAINS: readonly string[] = ['iom.int', 'migrationnetwork.un.org'];

/** The domain among `domains` that covers `host` (the same host, or one of its subdomains), if any. */
export function coveringDomain(host: string, domains: readonly string[] = UNFURL_DOMAINS): string | undefined {
  const h = host.toLowerCase();
  return domains.find((d) => h === d || h.endsWith(`.${d}`));
}
