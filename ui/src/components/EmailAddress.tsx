import { Fragment } from "react";

/**
 * An e-mail address that wraps where a reader expects it to: before the "@" and before each
 * dot, instead of mid-word (a narrow drawer still breaks a part too long for a line).
 */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?=[@.])/);
  return (
    <>
      {parts.map((part, index) => (
        // The parts of one address never reorder: the index is their identity.
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
