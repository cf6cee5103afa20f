// The result of normalising an address: the stored value, or a reason a council officer can read.
export type Normalised<K extends string = string> =
  | { ok: true; value: string; kind: K }
  | { ok: false; error: string };
