import { useState } from "react";

/**
 * Text built from a record (a share message) that the user may edit. Untouched, it follows the
 * record as it changes; once edited, the user's text is kept and `stale` says that the record
 * has changed since, so the screen can warn that the text no longer matches.
 */
export type DerivedText = {
  text: string;
  stale: boolean;
  edit: (text: string) => void;
  reset: () => void;
};

export function useDerivedText(derived: string): DerivedText {
  // `from` is what the text was derived from when the user first changed it.
  const [edited, setEdited] = useState<{ text: string; from: string } | null>(null);
  return {
    text: edited?.text ?? derived,
    stale: edited !== null && edited.from !== derived,
    edit: (text) => {
      setEdited((current) => {
        const from = current?.from ?? derived;
        // Typed back to what the record says now: following it again.
        return text === derived ? null : { text, from };
      });
    },
    reset: () => {
      setEdited(null);
    },
  };
}
