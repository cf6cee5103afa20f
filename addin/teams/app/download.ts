// A real download from the browser: the data as a Blob behind an <a download>, clicked once, then released.

/** Text (a CSV, a JSON) or bytes (the subject access ZIP). */
export function downloadFile(name: string, type: string, content: string | Uint8Array): void {
  const blob = new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Released later: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "upc-report-2026-q3.csv" from free text: letters, digits and hyphens only. */
export function safeFileName(...parts: string[]): string {
  return parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
