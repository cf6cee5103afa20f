// What a Save did, in a status region that takes focus when it appears, so a screen reader hears it at once.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useEffect, useRef } from "react";

export function SavedMessage({ title = "Saved.", text }: { title?: string; text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // The form that was saved has just closed and taken the focus with it: the result is where the officer carries on.
  useEffect(() => {
    ref.current?.focus();
  }, [text]);
  return (
    <MessageBar ref={ref} intent="success" role="status" tabIndex={-1} data-saved-message="">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {text}
      </MessageBarBody>
    </MessageBar>
  );
}
