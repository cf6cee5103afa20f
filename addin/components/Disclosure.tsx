// A heading that opens and closes a group of tick boxes, saying how many are ticked (the disclosure pattern).
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown20Regular, ChevronRight20Regular } from "@fluentui/react-icons";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
  toggle: { width: "100%", justifyContent: "flex-start", textAlign: "left", paddingLeft: 0, minWidth: 0 },
  text: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  panel: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalM },
});

export interface DisclosureProps {
  /** Unique in the page: the panel's id, which the button names in aria-controls. */
  id: string;
  label: string;
  ticked: number;
  total: number;
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}

export function Disclosure({ id, label, ticked, total, open, onToggle, children }: DisclosureProps) {
  const styles = useStyles();
  const Chevron = open ? ChevronDown20Regular : ChevronRight20Regular;
  return (
    <div>
      <h4 className={styles.heading}>
        <Button appearance="subtle" className={styles.toggle} icon={<Chevron aria-hidden="true" />} aria-expanded={open} aria-controls={id} onClick={onToggle}>
          <span className={styles.text}>
            <span>{label}</span>
            <span className={styles.count}>
              ({ticked} of {total} ticked)
            </span>
          </span>
        </Button>
      </h4>
      {/* Kept in the page while closed, so aria-controls always names an element; the class is dropped so hidden holds. */}
      <div id={id} className={open ? styles.panel : undefined} role="group" aria-label={label} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
