// Where the UPC site is: what an administrator types (the site's address) turned into what Graph addresses.

export interface SiteRef {
  /** The site segment of a Graph path: "root", a site id "host,guid,guid" or path addressing "host:/sites/upc". */
  graphSite: string;
  /** The site's address when it is known from the input, e.g. "https://contoso.sharepoint.com/sites/upc". */
  webUrl?: string;
  /** The SharePoint host, e.g. "contoso.sharepoint.com" (the audience of a SharePoint REST token). */
  host?: string;
}

export class SiteError extends Error {}

const SITE_ID = /^[\w.-]+(:\d+)?,[0-9a-f-]{36}(,[0-9a-f-]{36})?$/i;
/** scheme, host[:port], path of an http(s) address (query and fragment dropped). */
const WEB_ADDRESS = /^(https?):\/\/([\w.-]+(?::\d+)?)(\/[^?#]*)?(?:[?#].*)?$/i;
const SITE_PATH = /^([\w.-]+(?::\d+)?):(\/(?:sites|teams)\/[^/:?#]+)\/?:?$/i;

/**
 * Accepts a site address ("https://contoso.sharepoint.com/sites/upc", also with a page or a trailing slash after it),
 * Graph path addressing ("contoso.sharepoint.com:/sites/upc"), a site id or "root".
 */
export function parseSite(input: string): SiteRef {
  const raw = input.trim();
  if (!raw) throw new SiteError("Give the UPC site's address, e.g. https://contoso.sharepoint.com/sites/upc.");
  if (raw.toLowerCase() === "root") return { graphSite: "root" };
  if (SITE_ID.test(raw)) return { graphSite: raw, host: raw.split(",")[0] };
  const byPath = SITE_PATH.exec(raw);
  if (byPath) return { graphSite: `${byPath[1]}:${byPath[2]}`, host: byPath[1], webUrl: `https://${byPath[1]}${byPath[2]}` };
  // A pattern, not URL: Outlook's event runtime has no dependable URL parser, and the send-time check reads the site too.
  const url = WEB_ADDRESS.exec(raw);
  if (!url) {
    if (/^[a-z][\w+.-]*:/i.test(raw) && !/^https?:/i.test(raw)) throw new SiteError(`"${raw}" is not a web address of a SharePoint site.`);
    throw new SiteError(`"${raw}" is not a site address. Give it as https://contoso.sharepoint.com/sites/upc.`);
  }
  const [, scheme, hostPort, pathname = "/"] = url;
  const protocol = `${scheme.toLowerCase()}:`;
  const host = hostPort.toLowerCase();
  let segments: string[];
  try {
    segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new SiteError(`"${raw}" is not a site address. Give it as https://contoso.sharepoint.com/sites/upc.`);
  }
  const at = segments.findIndex((s) => s.toLowerCase() === "sites" || s.toLowerCase() === "teams");
  if (at < 0 || !segments[at + 1]) {
    if (segments.length === 0) return { graphSite: host, host, webUrl: `${protocol}//${host}` };
    throw new SiteError(`"${raw}" does not name a site: its address should contain /sites/<name> (or /teams/<name>).`);
  }
  const path = `/${segments[at]}/${segments[at + 1]}`;
  return { graphSite: `${host}:${path}`, host, webUrl: `${protocol}//${host}${path}` };
}
