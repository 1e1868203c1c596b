/**
 * The forms that hold typed input right now, newest last. Leaving an area unmounts its forms,
 * so the shell asks the newest one (its "¿Descartar los cambios?") before it switches.
 */
type Ask = (leave: () => void) => void;

const dirtyForms: Ask[] = [];

/** Marks a form as holding typed input until the returned function is called. */
export function holdDirtyForm(ask: Ask): () => void {
  dirtyForms.push(ask);
  return () => {
    const index = dirtyForms.indexOf(ask);
    if (index >= 0) dirtyForms.splice(index, 1);
  };
}

/** Runs `leave` at once, or after the user agrees to discard what the open form holds. */
export function leaveDirtyForms(leave: () => void): void {
  const ask = dirtyForms.at(-1);
  if (ask) ask(leave);
  else leave();
}
