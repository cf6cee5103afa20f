// Address normalisation: what officers paste and what mail headers carry become one stored form.
import { normaliseAnyIdentity, normaliseDomain, normaliseEmail, normalisePhone, domainOfEmail } from "../../shared/address";

describe("e-mail addresses", () => {
  it.each([
    ["  Jo.Bloggs@Example.ORG ", "jo.bloggs@example.org"],
    ["mailto:jo@example.org", "jo@example.org"],
    ["<jo@example.org>", "jo@example.org"],
    ["Jo Bloggs <Jo@Example.org>", "jo@example.org"],
    ["o'brien@example.org", "o'brien@example.org"],
    ["seán.o'brien@exämple.ie", "seán.o'brien@exämple.ie"],
    ["first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk"],
  ])("%s → %s", (raw, value) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, value, kind: "Email" });
  });

  it.each(["", "   ", "jo", "jo@", "@example.org", "jo@@example.org", "jo@example", "jo bloggs@example.org", "jo@exa mple.org", "jo..b@example.org", "jo@-bad.org"])(
    "refuses %j with a clear message",
    (raw) => {
      const r = normaliseEmail(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/e-mail address/);
    },
  );

  it("gives the domain identity of an address", () => {
    expect(domainOfEmail("o'brien@example.org")).toBe("@example.org");
  });
});

describe("UK telephone numbers", () => {
  it.each([
    ["020 7946 0000", "+442079460000"],
    ["(020) 7946-0000", "+442079460000"],
    ["+44 (0)20 7946 0000", "+442079460000"],
    ["0044 7700 900123", "+447700900123"],
    ["07700 900123", "+447700900123"],
    ["0800 123 456", "+44800123456"],
    ["01632 960001 ext. 12", "+441632960001"],
    ["+353 1 234 5678", "+35312345678"],
  ])("%s → %s", (raw, value) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, value, kind: "Phone" });
  });

  it.each(["12345", "0207", "phone me", "+44 20 79", "7946 0000"])("refuses %j", (raw) => {
    expect(normalisePhone(raw).ok).toBe(false);
  });
});

describe("domains", () => {
  it.each([
    ["example.org", "@example.org"],
    ["@Example.org", "@example.org"],
    ["https://www.example.org/contact", "@example.org"],
    ["anyone@example.org", "@example.org"],
  ])("%s → %s", (raw, value) => {
    expect(normaliseDomain(raw)).toEqual({ ok: true, value, kind: "Domain" });
  });

  it("refuses a bare word", () => {
    expect(normaliseDomain("example").ok).toBe(false);
  });
});

describe("guessing the kind", () => {
  it("tells e-mail, domain and phone apart", () => {
    expect(normaliseAnyIdentity("o'brien@example.org")).toMatchObject({ ok: true, kind: "Email" });
    expect(normaliseAnyIdentity("@example.org")).toMatchObject({ ok: true, kind: "Domain" });
    expect(normaliseAnyIdentity("example.org")).toMatchObject({ ok: true, kind: "Domain" });
    expect(normaliseAnyIdentity("07700 900123")).toMatchObject({ ok: true, kind: "Phone" });
    expect(normaliseAnyIdentity("Jo Bloggs").ok).toBe(false);
  });
});
