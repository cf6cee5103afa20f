// `npm run package`: the app zip holds manifest.json and the two icons at its root, readable by any unzip; production
// is refused without real settings; the add-in's icons are drawn at the sizes the manifest names.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { ICONS, settingsFor } from "../../manifest/build";
import { crc32, decodePng, pngSize } from "../../manifest/png";
import { zip } from "../../manifest/zip";
import { buildPackage, PackageError } from "../../scripts/package";
import { ADDIN_ICON_SIZES, colourIcon, outlineIcon } from "../../scripts/icons";

/** Reads a ZIP's central directory and inflates each entry (what the admin centres do with the package). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
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
