// Offline checks of the add-in only (XML) manifest. Microsoft's XSDs ([MS-OWEMXML], linked from Microsoft Learn's "Office
// Add-ins manifest" pages) are not reachable from this machine, so the rules they encode that this manifest touches are
// checked here, each citing the Microsoft Learn page it comes from; `npm run validate -- --xsd <folder>` also runs
// xmllint against the XSDs when an administrator has them (see DEPLOY.md).
import { JSDOM } from "jsdom";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  vo11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
};

/** "How to find the proper order of manifest elements" > "Basic mail add-in element ordering". */
export const MAIL_APP_ORDER = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "VersionOverrides"];
const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule"];
/** Same page, "Mail add-in element ordering within VersionOverrides Ver. 1.1"; Runtimes precede DesktopFormFactor as in the Smart Alerts walkthrough. */
const V11_ORDER = ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins", "ConnectedServiceControls", "ExtendedPermissions", "VersionOverrides"];
const HOST_ORDER = ["Runtimes", "DesktopFormFactor", "MobileFormFactor"];
/** "Permissions element in the manifest file". */
const PERMISSIONS = ["Restricted", "ReadItem", "ReadWriteItem", "ReadWriteMailbox"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const kids = (e: Element) => [...e.children];
const xsiType = (e: Element) => e.getAttributeNS(NS.xsi, "type") ?? "";

function checkOrder(problems: string[], parent: Element, order: string[], where: string): void {
  let last = -1;
  for (const child of kids(parent)) {
    const at = order.indexOf(child.localName);
    if (at < 0) problems.push(`${where}: <${child.localName}> is not an element the schema allows here.`);
    else if (at < last) problems.push(`${where}: <${child.localName}> is out of order (the schema's order is ${order.join(", ")}).`);
    else last = at;
  }
}

export interface XmlCheckOptions {
  /** Where the add-in's pages are served: every address must be under it. */
  baseUrl: string;
  /** The function the unified manifest names for OnMessageSend. */
  sendHandler?: string;
}

export function xmlManifestErrors(xml: string, options: XmlCheckOptions): string[] {
  const problems: string[] = [];
  const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) return [`(the manifest): not well-formed XML: ${error.textContent?.trim().split("\n")[0]}`];
  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) return [`(the manifest): the root must be <OfficeApp> in ${NS.app}.`];
  if (xsiType(root) !== "MailApp") problems.push(`OfficeApp: xsi:type must be "MailApp" for an Outlook add-in.`);
  checkOrder(problems, root, MAIL_APP_ORDER, "OfficeApp");
  const top = (name: string) => kids(root).find((c) => c.localName === name);
  for (const name of REQUIRED) if (!top(name)) problems.push(`OfficeApp: <${name}> is missing (the schema requires it).`);
  if (!GUID.test(top("Id")?.textContent ?? "")) problems.push(`Id: must be a GUID.`);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(top("Version")?.textContent ?? "")) problems.push(`Version: must be four numbers, like 1.0.0.0 ("Version element in the manifest file").`);
  if (!PERMISSIONS.includes(top("Permissions")?.textContent ?? "")) problems.push(`Permissions: must be one of ${PERMISSIONS.join(", ")}.`);

  // Every address is https and under the add-in's base ("AppDomains", "SourceLocation", "IconUrl" elements).
  const addresses = [...doc.querySelectorAll("*")].flatMap((e) => [e.getAttribute("DefaultValue") ?? "", e.localName === "AppDomain" ? (e.textContent ?? "") : ""]).filter((v) => /^[a-z]+:\/\//i.test(v));
  for (const url of addresses) {
    if (!url.startsWith("https://")) problems.push(`${url}: add-in addresses must use https.`);
    else if (url !== options.baseUrl && !url.startsWith(`${options.baseUrl}/`) && !/SupportUrl/.test(url)) {
      const supportUrl = top("SupportUrl")?.getAttribute("DefaultValue");
      if (url !== supportUrl) problems.push(`${url}: is not under ${options.baseUrl}/, where the add-in's pages are.`);
    }
  }

  const v10 = top("VersionOverrides");
  const v11 = v10 && kids(v10).find((c) => c.localName === "VersionOverrides");
  if (!v10 || v10.namespaceURI !== NS.vo10 || xsiType(v10) !== "VersionOverridesV1_0") {
    problems.push(`VersionOverrides: the outer one must be VersionOverridesV1_0 in ${NS.vo10}.`);
    return problems;
  }
  if (!v11 || v11.namespaceURI !== NS.vo11 || xsiType(v11) !== "VersionOverridesV1_1") {
    problems.push(`VersionOverrides: a VersionOverridesV1_1 in ${NS.vo11} must be nested last (MobileFormFactor, Runtimes and LaunchEvent are 1.1 elements).`);
    return problems;
  }
  checkOrder(problems, v11, V11_ORDER, "VersionOverrides (1.1)");
  const host = v11.querySelector("Hosts > Host");
  if (!host || xsiType(host) !== "MailHost") problems.push(`VersionOverrides (1.1) > Hosts: needs a <Host xsi:type="MailHost">.`);
  else checkOrder(problems, host, HOST_ORDER, "Host");

  // Resources: ids of at most 32 characters, strings within their limits ("Resources element in the manifest file").
  const defined = new Map<string, string>();
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const item of [...v11.querySelectorAll(`Resources > ${group} > *`)]) {
      const id = item.getAttribute("id") ?? "";
      if (!id || id.length > 32) problems.push(`Resources > ${group}: the id "${id}" must be 1 to 32 characters.`);
      const value = item.getAttribute("DefaultValue") ?? "";
      if (group === "ShortStrings" && value.length > 125) problems.push(`Resources > ShortStrings: "${id}" is longer than 125 characters.`);
      if (group === "LongStrings" && value.length > 250) problems.push(`Resources > LongStrings: "${id}" is longer than 250 characters.`);
      defined.set(id, group);
    }
  }
  const want = (e: Element): string => {
    if (e.localName === "Image") return "Images";
    if (["SourceLocation", "FunctionFile", "Runtime", "Override"].includes(e.localName)) return "Urls";
    if (e.localName === "Description") return "LongStrings";
    return "ShortStrings";
  };
  for (const e of [...v11.querySelectorAll("[resid]")]) {
    const id = e.getAttribute("resid")!;
    if (!defined.has(id)) problems.push(`<${e.localName} resid="${id}">: no resource has that id.`);
    else if (defined.get(id) !== want(e)) problems.push(`<${e.localName} resid="${id}">: must name one of the ${want(e)}, not the ${defined.get(id)}.`);
  }

  // Mobile: read mode only ("Add-ins for Outlook on mobile devices": MobileMessageReadCommandSurface is the one to declare).
  for (const ep of [...v11.querySelectorAll("MobileFormFactor > ExtensionPoint")]) {
    if (xsiType(ep) !== "MobileMessageReadCommandSurface") problems.push(`MobileFormFactor: declares ${xsiType(ep)}; declare only MobileMessageReadCommandSurface.`);
    for (const c of [...ep.querySelectorAll("Control")]) if (xsiType(c) !== "MobileButton") problems.push(`MobileFormFactor: control "${c.id}" must be a MobileButton.`);
  }
  if (!v11.querySelector("MobileFormFactor")) problems.push(`VersionOverrides (1.1): there is no <MobileFormFactor>, so Outlook on iOS and Android would show nothing.`);

  // The send-time check: soft block, the handler the unified manifest names ("Smart Alerts walkthrough", add-in only manifest).
  const send = [...v11.querySelectorAll("LaunchEvent")].find((e) => e.getAttribute("Type") === "OnMessageSend");
  if (!send) problems.push(`DesktopFormFactor: no <LaunchEvent Type="OnMessageSend">, so Outlook on Mac would not check replies.`);
  else {
    if (send.getAttribute("SendMode") !== "SoftBlock") problems.push(`LaunchEvent OnMessageSend: SendMode must be "SoftBlock".`);
    if (options.sendHandler && send.getAttribute("FunctionName") !== options.sendHandler) problems.push(`LaunchEvent OnMessageSend: FunctionName must be "${options.sendHandler}", the handler commands.js registers.`);
  }
  if (!v11.querySelector("ExtensionPoint[*|type='MessageReadCommandSurface'] SupportsPinning")) problems.push(`MessageReadCommandSurface: the task pane button should allow pinning (<SupportsPinning>true</SupportsPinning>).`);
  return problems;
}
