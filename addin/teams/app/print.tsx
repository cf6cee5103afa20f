// Printing: the text to print goes into a print-only element outside the app, the page's print styles show only it,
// and the browser's print dialog opens. Letters go by post as well as by e-mail.
import { useEffect } from "react";
import { createPortal } from "react-dom";

export interface Printable {
  title: string;
  body: string;
}

export function PrintView({ doc, onDone }: { doc: Printable; onDone(): void }) {
  useEffect(() => {
    document.body.classList.add("upc-printing");
    const done = () => {
      document.body.classList.remove("upc-printing");
      onDone();
    };
    // Let the portal paint before the dialog opens.
    const t = setTimeout(() => {
      window.print();
      done();
    }, 50);
    return () => {
      clearTimeout(t);
      document.body.classList.remove("upc-printing");
    };
  }, [doc, onDone]);
  return createPortal(
    <div className="upc-print-only" data-testid="print-view">
      <h1>{doc.title}</h1>
      <div className="upc-letter">{doc.body}</div>
    </div>,
    document.body,
  );
}
