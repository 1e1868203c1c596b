import type { TFunction } from "i18next";

import type { LinkRow } from "../bindings";

/**
 * The notification after a link was copied: a warning when nobody can pay it (inactive or
 * expired). Copying is never refused; the user may have a reason.
 */
export function copyNotice(
  t: TFunction<"links">,
  row: LinkRow,
): { message: string; color?: string } {
  return row.state === "active"
    ? { message: t("detail.copied") }
    : { message: t(`detail.copiedNotActive.${row.state}`), color: "orange" };
}
