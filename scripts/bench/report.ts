// Prints benchmark figures one per line as `name: value unit`, and remembers them for the closing summary.
const lines: string[] = [];

export function figure(name: string, value: number, unit: string): void {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  const line = `${name}: ${v} ${unit}`;
  lines.push(line);
  console.log(line);
}

export function check(name: string, ok: boolean, detail: string): void {
  const line = `${name}: ${ok ? "met" : "NOT MET"} (${detail})`;
  lines.push(line);
  console.log(line);
}

export function allLines(): string[] {
  return [...lines];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
