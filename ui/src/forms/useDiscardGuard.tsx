import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../components/ConfirmDialog";

/**
 * Asks "¿Descartar los cambios?" before a form with typed input closes (Esc, the close button,
 * a click outside, Cancelar); a form left as it opened closes at once. Give the form's drawer
 * or modal `requestClose` as its `onClose`, and render `dialog` inside it.
 */
export function useDiscardGuard(
  dirty: boolean,
  close: () => void,
): { requestClose: () => void; dialog: ReactNode } {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const dialog = (
    <ConfirmDialog
      opened={asking}
      title={t("discard.title")}
      body={t("discard.body")}
      confirmLabel={t("discard.confirm")}
      cancelLabel={t("discard.keep")}
      pending={false}
      error={null}
      testId="discard-confirm"
      onConfirm={() => {
        setAsking(false);
        close();
      }}
      onClose={() => {
        setAsking(false);
      }}
    />
  );
  return {
    requestClose: () => {
      if (dirty) setAsking(true);
      else close();
    },
    dialog,
  };
}
