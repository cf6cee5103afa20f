// Incoming demo mail through the emulator's delivery control route (POST /_emulator/deliver with its secret): Graph has
// no call that delivers mail (POST …/messages makes a draft), so mail "arrives" the way Exchange's transport would.
export type DeliverMail = (to: string, message: Record<string, unknown>) => Promise<void>;

export function emulatorDelivery(emu: { origin: string; secret: string }): DeliverMail {
  return async (to, message) => {
    const res = await fetch(`${emu.origin}/_emulator/deliver`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Emulator-Secret": emu.secret },
      body: JSON.stringify({ to, message }),
    });
    await res.text();
    if (res.status !== 201 && res.status !== 204) throw new Error(`The emulator did not deliver the demo mail (${res.status}).`);
  };
}
