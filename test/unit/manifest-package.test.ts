// `npm run package`: the app zip holds manifest.json and the two icons at its root, readable by any unzip; production
// is refused without real settings; the add-in's icons are drawn at the sizes the manifest names.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ICONS, settingsFor } from "../../manifest/build";
import { decodePng, pngSize } from "../../manifest/png";
import { zip } from "../../manifest/zip";
import { unzip as readZip } from "../support/unzip";
import { buildPackage, PackageError } from "../../scripts/package";
import { ADDIN_ICON_SIZES, colourIcon, outlineIcon } from "../../scripts/icons";

/** Reads a ZIP's central directory and inflates each entry (what the admin centres do with the package); a CRC that does not match throws. */
function unzip(buf: Buffer): Map<string, Buffer> {
  return new Map(readZip(buf).map((f) => [f.name, f.bytes]));
}

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "upc-package-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const PRODUCTION = { UPC_BASE_URL: "https://upc.contoso.gov.uk", UPC_APP_ID: "b5f9be59-d844-47d9-accd-436e7f9990f6", UPC_CLIENT_ID: "11111111-2222-4333-8444-555555555555" };

describe("the app package", () => {
  it("zips manifest.json, color.png and outline.png at the root", async () => {
    const { zipFile } = await buildPackage(settingsFor("production", PRODUCTION), out);
    const files = unzip(readFileSync(zipFile));
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(JSON.parse(files.get("manifest.json")!.toString()).id).toBe(PRODUCTION.UPC_APP_ID);
    expect(pngSize(files.get("color.png")!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get("outline.png")!)).toEqual({ width: 32, height: 32 });
  });

  it("refuses to package production with example settings", async () => {
    await expect(buildPackage(settingsFor("production", {}, { examples: true }), out)).rejects.toBeInstanceOf(PackageError);
  });

  it("writes the same bytes for the same files", () => {
    const entries = [{ name: "a.txt", data: Buffer.from("hello hello hello hello") }];
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });
});

describe("the icons", () => {
  it("are committed at the sizes the manifest and the schema require, and match the generator", () => {
    for (const size of ADDIN_ICON_SIZES) {
      const image = decodePng(readFileSync(join(ICONS, `icon-${size}.png`)));
      expect([image.width, image.height]).toEqual([size, size]);
      expect(Buffer.from(image.rgba).equals(Buffer.from(colourIcon(size).rgba))).toBe(true);
    }
    expect(Buffer.from(decodePng(readFileSync(join(ICONS, "outline.png"))).rgba).equals(Buffer.from(outlineIcon(32).rgba))).toBe(true);
  });
});
