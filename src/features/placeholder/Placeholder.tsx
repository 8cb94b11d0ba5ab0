import { useT } from "../../i18n/use-t";
import { Panel } from "../../ui/Panel";

/** A view whose issue has not landed yet: says so rather than showing an empty page. */
export function Placeholder({ title }: { title: string }) {
  const t = useT();
  return (
    <Panel title={title}>
      <p>{t("placeholder.body")}</p>
    </Panel>
  );
}
