// Reads a ZIP the way unzip lists it: from the end-of-central-directory record through the central directory to each
// local header, checking every file's CRC-32 with Node's own zlib.crc32 (not the product's).
import { crc32, inflateRawSync } from "node:zlib";

export interface UnzippedFile {
  name: string;
  method: number;
  crc: number;
  bytes: Buffer;
  text: string;
}

export function unzip(zip: Uint8Array): UnzippedFile[] {
  const b = Buffer.from(zip);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("No end of central directory record");
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const files: UnzippedFile[] = [];
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error(`Central directory entry ${i} has a bad signature`);
    const method = b.readUInt16LE(at + 10);
    const crc = b.readUInt32LE(at + 16);
    const size = b.readUInt32LE(at + 20);
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: local header has a bad signature`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const stored = b.subarray(start, start + size);
    // Stored (0) as the subject access bundle writes, or deflated (8) as the app package does.
    const bytes = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    if (crc32(bytes) >>> 0 !== crc) throw new Error(`${name}: CRC-32 does not match its contents`);
    files.push({ name, method, crc, bytes, text: bytes.toString("utf8") });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}
