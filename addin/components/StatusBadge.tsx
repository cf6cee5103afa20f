// A customer's status as a badge whose colour and words agree; screen readers hear "Status: Restricted".
import { Badge, makeStyles } from "@fluentui/react-components";
import type { CustomerStatus } from "../../shared/domain/vocab";

const COLOUR: Record<CustomerStatus, "danger" | "warning" | "important" | "informative" | "subtle" | "brand"> = {
  Restricted: "danger",
  Referred: "important",
  Monitoring: "warning",
  Warned: "warning",
  Observed: "informative",
  Closed: "subtle",
};

export const useVisuallyHidden = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function StatusBadge({ status, size = "large" }: { status: CustomerStatus; size?: "medium" | "large" | "extra-large" }) {
  const styles = useVisuallyHidden();
  return (
    <Badge appearance="filled" color={COLOUR[status] ?? "informative"} size={size} shape="rounded">
      <span className={styles.hidden}>Status: </span>
      {status}
    </Badge>
  );
}
