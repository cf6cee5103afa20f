// Saving bytes the page made (the subject access ZIP) as a download: a Blob behind an <a download>, clicked once.
// app/download.ts takes text only; a ZIP is binary.

export function saveBytes(name: string, type: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
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
