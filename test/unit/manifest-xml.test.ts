// @vitest-environment jsdom
// The add-in only (XML) manifest for Outlook on Mac, iOS and Android, generated from the same settings as the unified
// manifest: what each client gets, and the offline checks that stand in for Microsoft's XSDs ([MS-OWEMXML]) here.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_PRODUCTION, renderManifest, settingsFor, writeManifest } from "../../manifest/build";
import { fourPartVersion, renderXmlManifest, xmlAddinId } from "../../manifest/xml";
import { xmlManifestErrors } from "../../manifest/xml-validate";
import { xsdErrors } from "../../manifest/xml-xsd";

const settings = settingsFor("production", {}, { examples: true });
const unified = renderManifest(settings);
const xml = renderXmlManifest(settings, unified);
const check = (text: string) => xmlManifestErrors(text, { baseUrl: settings.baseUrl, sendHandler: "onMessageSendHandler" });
const doc = new DOMParser().parseFromString(xml, "application/xml");

describe("the add-in only manifest (Outlook on Mac and mobile)", () => {
  it("passes every offline check", () => {
    expect(check(xml)).toEqual([]);
  });

  it("has an id of its own, stable for the app, which the unified manifest hides where both are read", () => {
    const id = doc.querySelector("OfficeApp > Id")!.textContent;
    expect(id).toBe(xmlAddinId({ appId: EXAMPLE_PRODUCTION.appId }));
    expect(id).not.toBe(EXAMPLE_PRODUCTION.appId);
    expect(xmlAddinId({ appId: EXAMPLE_PRODUCTION.appId })).toBe(id);
    const alternates = (unified.extensions as { alternates: Record<string, unknown>[] }[])[0].alternates;
    expect(alternates).toContainEqual({ hide: { customOfficeAddin: { officeAddinId: id } } });
  });

  it("gives Mac the pinnable read-mail pane and the soft-block send check, and mobile the read-mail pane only", () => {
    const desktop = [...doc.querySelectorAll("DesktopFormFactor > ExtensionPoint")].map((e) => e.getAttribute("xsi:type"));
    expect(desktop).toEqual(["MessageReadCommandSurface", "LaunchEvent"]);
    expect(doc.querySelector("LaunchEvent")!.getAttribute("SendMode")).toBe("SoftBlock");
    expect(doc.querySelector("Runtime > Override")!.getAttribute("resid")).toBe("CommandsJs.Url");
    const mobile = [...doc.querySelectorAll("MobileFormFactor > ExtensionPoint")].map((e) => e.getAttribute("xsi:type"));
    expect(mobile).toEqual(["MobileMessageReadCommandSurface"]);
    expect(xml).toContain(`DefaultValue="${settings.baseUrl}/taskpane.html"`);
    expect(doc.querySelector("OfficeApp > Version")!.textContent).toBe(fourPartVersion(settings.version));
  });

  it("is written beside manifest.json", () => {
    const out = mkdtempSync(join(tmpdir(), "upc-xml-"));
    try {
      const built = writeManifest(settings, out);
      expect(check(readFileSync(built.xmlFile, "utf8"))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each([
    ["a resource id that is not defined", xml.replace('resid="Register.Tooltip"', 'resid="Register.Missing"'), /no resource has that id/],
    ["an icon naming a URL resource", xml.replace('<bt:Image size="16" resid="Icon.16"/>', '<bt:Image size="16" resid="Taskpane.Url"/>'), /must name one of the Images/],
    ["elements out of the schema's order", xml.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"), /out of order/],
    ["an http address", xml.replace(`${settings.baseUrl}/taskpane.html`, "http://upc.example.gov.uk/taskpane.html"), /must use https/],
    ["a resource id longer than 32 characters", xml.replaceAll("Register.Label", "Register.Label.That.Is.Far.Too.Long"), /1 to 32 characters/],
    ["a compose surface on mobile", xml.replace('xsi:type="MobileMessageReadCommandSurface"', 'xsi:type="MobileMessageComposeCommandSurface"'), /declare only MobileMessageReadCommandSurface/],
    ["a send check that blocks", xml.replace('SendMode="SoftBlock"', 'SendMode="Block"'), /SoftBlock/],
    ["a version of three parts", xml.replace(/<Version>[^<]*<\/Version>/, "<Version>1.0.0</Version>"), /four numbers/],
    ["text that is not XML", xml.replace("</OfficeApp>", ""), /not well-formed/],
  ])("refuses %s", (_what, broken, message) => {
    expect(check(broken).join("\n")).toMatch(message);
  });

  it("says plainly when Microsoft's XSDs are not at hand rather than passing", () => {
    expect(xsdErrors("/nonexistent/manifest.xml", "/nonexistent-xsd-folder")).toEqual([expect.stringMatching(/does not exist/)]);
  });
});
