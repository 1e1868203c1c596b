import { useDebouncedValue } from "@mantine/hooks";
import { useEffect } from "react";

/**
 * Saves a form as a draft 400 ms after its last change, once it holds something worth keeping:
 * closing the form, the app or a crash loses at most those 400 ms. `save` gets the form; it
 * never sees a password, which no form object carries.
 */
export function useDraftAutosave<T>(
  form: T,
  worthKeeping: (form: T) => boolean,
  save: (form: T) => void,
) {
  const [settled] = useDebouncedValue(form, 400);
  useEffect(() => {
    if (worthKeeping(settled)) save(settled);
  }, [settled, worthKeeping, save]);
}
