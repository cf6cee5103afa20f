// Pieces several kinds' forms share: channel choices in staff's words, and reading a typed whole number.
import { ALLOWED_CHANNELS, CONTACT_CHANNELS } from "../../domain/vocab";
import type { FormOption, FormPerson, FormValue, FormValues } from "./module";

const CHANNEL_LABELS: Record<string, string> = { Email: "E-mail", Phone: "Phone", Letter: "Letter", InPerson: "In person", Web: "Website", Social: "Social media", Other: "Other" };

export const ALLOWED_CHANNEL_OPTIONS: readonly FormOption[] = ALLOWED_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
export const CONTACT_CHANNEL_OPTIONS: readonly FormOption[] = CONTACT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));

/** True for a typed whole number above nought, such as "2". */
export const isWhole = (v: FormValue | undefined): boolean => typeof v === "string" && /^\s*\d+\s*$/.test(v) && Number(v) > 0;

export const text = (v: FormValues, name: string): string => (typeof v[name] === "string" ? (v[name] as string) : "");
export const flag = (v: FormValues, name: string): boolean => v[name] === true;
export const strings = (v: FormValues, name: string): string[] => (Array.isArray(v[name]) ? (v[name] as unknown[]).filter((x): x is string => typeof x === "string") : []);
export const people = (v: FormValues, name: string): FormPerson[] => (Array.isArray(v[name]) ? (v[name] as unknown[]).filter((x): x is FormPerson => typeof x === "object" && x !== null && "mail" in x) : []);

/** The person's directory phone, when it has one, for the letter. */
export const phoneOf = (p: FormPerson | undefined) => (p?.phone?.trim() ? { phone: p.phone.trim() } : {});
