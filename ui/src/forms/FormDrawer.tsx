import { Drawer } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A form in the right-hand drawer: closing goes through the form's discard guard (Esc, the
 * close button, a click outside), Enter or the submit button sends it once, and the guard's
 * question is shown inside the drawer.
 */
export function FormDrawer({
  title,
  testId,
  guard,
  onSubmit,
  children,
}: {
  title: string;
  testId: string;
  guard: { requestClose: () => void; dialog: ReactNode };
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer
      opened
      onClose={guard.requestClose}
      position="right"
      size="xl"
      title={title}
      data-testid={testId}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
      {guard.dialog}
    </Drawer>
  );
}
