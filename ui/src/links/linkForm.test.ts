import type { Link } from "../bindings";
import { formFromLink } from "./linkForm";

const link: Link = {
  id: "L1",
  merchantId: "61234",
  description: "Pastel de tres leches",
  amountCentavos: 125_005,
  secondaryLink: "tresleches",
  customLinkPath: "https://test.pay.billpocket.com/laesquina/tresleches",
  status: "active",
  linkType: 2,
  expiredAt: 1_000,
  months: [3, 6],
  isFixedTerm: true,
  createdAt: 10,
  updatedAt: 10,
  syncedAt: 10,
};

describe("link form from a link", () => {
  it("edits every field, the slug included", () => {
    const form = formFromLink(link, "edit", 0);
    expect(form).toMatchObject({
      slug: "tresleches",
      amount: "1250.05",
      description: "Pastel de tres leches",
      installments: [3, 6],
      fixedTerm: true,
      linkType: 2,
    });
    expect(form.expiresAt).not.toBe("");
  });

  it("clones without the slug and without an expiry already past", () => {
    const form = formFromLink(link, "clone", 2_000);
    expect(form.slug).toBe("");
    expect(form.expiresAt).toBe("");
    expect(form.amount).toBe("1250.05");
  });
});
