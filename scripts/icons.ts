// `tsx scripts/icons.ts`: draws the app's icons into manifest/icons/ (committed; run again only to change the design).
//  - color.png 192×192: the Teams/Microsoft 365 colour icon.
//  - outline.png 32×32: white on a transparent background, as Teams requires of the outline icon.
//  - icon-16/32/64/80/128.png: the add-in's ribbon (16, 32, 80) and alternate (64, 128) icons, served at /assets/.
// The design: a speech bubble (a contact) with an exclamation mark (a flag), on the accent colour.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng, type Image } from "../manifest/png";

export const ACCENT = "#0E5A73";
const ACCENT_RGB = [0x0e, 0x5a, 0x73] as const;
const WHITE = [255, 255, 255] as const;

type Shape = (x: number, y: number) => boolean;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const union = (...s: Shape[]): Shape => (x, y) => s.some((f) => f(x, y));

/** The bubble, grown by `d` (negative shrinks it), in a unit square. */
const bubble = (d = 0): Shape => union(roundedRect(0.16 - d, 0.16 - d, 0.84 + d, 0.7 + d, 0.12 + d), triangle(0.3 - d, 0.64, 0.5 + d, 0.64, 0.27 - d, 0.86 + d * 1.5));
const mark = union(roundedRect(0.455, 0.27, 0.545, 0.48, 0.045), circle(0.5, 0.56, 0.045));

/** Renders a pixel colour function with 4×4 supersampling. */
function render(size: number, paint: (x: number, y: number) => readonly [number, number, number, number]): Image {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

const background = roundedRect(0, 0, 1, 1, 0.18);
const bubbleFill = bubble();

/** Full colour: accent square, white bubble, accent exclamation mark. */
export function colourIcon(size: number): Image {
  return render(size, (x, y) => {
    if (mark(x, y)) return [...ACCENT_RGB, 1];
    if (bubbleFill(x, y)) return [...WHITE, 1];
    if (background(x, y)) return [...ACCENT_RGB, 1];
    return [0, 0, 0, 0];
  });
}

/** Outline: a white bubble outline and a white mark; everything else transparent. */
export function outlineIcon(size: number): Image {
  const stroke = 2 / size;
  const outer = bubble(0);
  const inner = bubble(-stroke);
  return render(size, (x, y) => (mark(x, y) || (outer(x, y) && !inner(x, y)) ? [...WHITE, 1] : [0, 0, 0, 0]));
}

export const ADDIN_ICON_SIZES = [16, 32, 64, 80, 128] as const;

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, Image][] = [["color.png", colourIcon(192)], ["outline.png", outlineIcon(32)], ...ADDIN_ICON_SIZES.map((s) => [`icon-${s}.png`, colourIcon(s)] as [string, Image])];
  for (const [name, image] of files) writeFileSync(join(dir, name), encodePng(image));
  return files.map(([name]) => name);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "manifest", "icons");
  console.log(`Wrote ${writeIcons(dir).join(", ")} to ${dir}`);
}
