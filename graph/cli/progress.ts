// A terminal progress bar for long admin commands (provisioning, import); plain lines when not on a terminal.
export function progressBar(label: string) {
  const tty = process.stdout.isTTY;
  return (done: number, total: number, step: string) => {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${step}`;
    if (tty) process.stdout.write(`\r\x1b[K${line}${done >= total ? "\n" : ""}`);
    else console.log(line);
  };
}
