import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { EmailAddress } from "./EmailAddress";

describe("EmailAddress", () => {
  it("offers a line break before the @ and each dot, and reads as the whole address", () => {
    const { container } = render(
      <p>
        <EmailAddress address="carmen.flores+pending@sandbox.mostrador.test" />
      </p>,
    );
    const paragraph = container.querySelector("p");
    expect(paragraph).toHaveTextContent("carmen.flores+pending@sandbox.mostrador.test");
    expect(paragraph?.innerHTML).toBe(
      "carmen<wbr>.flores+pending<wbr>@sandbox<wbr>.mostrador<wbr>.test",
    );
  });
});
