import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../components/ConfirmDialog";
import { holdDirtyForm } from "./dirtyForms";

/** What the question says, where a form keeps part of what was typed (a draft). */
export type DiscardTexts = { title: string; body: string; confirm: string };

/**
 * Asks "¿Descartar los cambios?" before a form with typed input closes (Esc, the close button,
 * a click outside, Cancelar) or the shell leaves its area (Ctrl+1…5, the navigation); a form
 * left as it opened closes at once. Give the form's drawer or modal `requestClose` as its
 * `onClose`, and render `dialog` inside it.
 */
export function useDiscardGuard(
  dirty: boolean,
  close: () => void,
  texts?: DiscardTexts,
): { requestClose: () => void; dialog: ReactNode } {
  const { t } = useTranslation();
  // What to do once the user agrees: close the form, then (when the shell asked) leave.
  const [asking, setAsking] = useState<{ leave?: () => void } | null>(null);
  useEffect(
    () =>
      dirty
        ? holdDirtyForm((leave) => {
            setAsking({ leave });
          })
        : undefined,
    [dirty],
  );
  const dialog = (
    <ConfirmDialog
      opened={asking !== null}
      title={texts?.title ?? t("discard.title")}
      body={texts?.body ?? t("discard.body")}
      confirmLabel={texts?.confirm ?? t("discard.confirm")}
      cancelLabel={t("discard.keep")}
      pending={false}
      error={null}
      testId="discard-confirm"
      onConfirm={() => {
        setAsking(null);
        close();
        asking?.leave?.();
      }}
      onClose={() => {
        setAsking(null);
      }}
    />
  );
  return {
    requestClose: () => {
      if (!dirty) close();
      // Asked once the Esc press has been handled: in a real window React renders between
      // listeners, and the question's own Esc handler would take the same press and close it.
      else if (!asking)
        window.setTimeout(() => {
          setAsking({});
        }, 0);
    },
    dialog,
  };
}
