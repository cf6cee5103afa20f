// The Office development certificate for https://localhost: created when missing or expired, read from disk.
// office-addin-dev-certs' getHttpsServerOptions() needs sudo on Linux (it tries to trust the CA), so we generate and
// read the three files ourselves.
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface DevCerts {
  key: Buffer;
  cert: Buffer;
  ca: Buffer;
  dir: string;
  /** True when this call made them. */
  created: boolean;
}

export const DEFAULT_CERT_DIR = join(homedir(), ".office-addin-dev-certs");

function files(dir: string) {
  return { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
}

/** Valid for at least another day, and for localhost. */
function usable(certPath: string): boolean {
  try {
    const x = new X509Certificate(readFileSync(certPath));
    return Date.parse(x.validTo) - Date.now() > 86_400_000 && (x.checkHost("localhost") !== undefined || /localhost/.test(x.subjectAltName ?? ""));
  } catch {
    return false;
  }
}

export async function ensureDevCerts(dir = DEFAULT_CERT_DIR, log: (line: string) => void = () => undefined): Promise<DevCerts> {
  const f = files(dir);
  let created = false;
  if (!(existsSync(f.ca) && existsSync(f.cert) && existsSync(f.key) && usable(f.cert))) {
    for (const p of Object.values(f)) rmSync(p, { force: true });
    log(`Creating the Office development certificate in ${dir} (valid 30 days)…`);
    const { generateCertificates } = (await import("office-addin-dev-certs")) as unknown as {
      generateCertificates(ca: string, cert: string, key: string, days?: number, domains?: string[]): Promise<void>;
    };
    const quiet = console.log;
    console.log = () => undefined; // it announces the folder itself; we say it once above
    try {
      await generateCertificates(f.ca, f.cert, f.key, 30, ["127.0.0.1", "localhost"]);
    } finally {
      console.log = quiet;
    }
    created = true;
    log(`To trust it in your browser, import ${f.ca} as a certificate authority (or run "npx office-addin-dev-certs install" with administrator rights).`);
  }
  return { key: readFileSync(f.key), cert: readFileSync(f.cert), ca: readFileSync(f.ca), dir, created };
}
