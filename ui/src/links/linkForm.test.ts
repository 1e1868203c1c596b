import type { Link } from "../bindings";
import {
  characterCount,
  EMPTY_FORM,
  expiryMoment,
  formFromLink,
  formIssues,
  joinExpiry,
  splitExpiry,
} from "./linkForm";

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
      amount: "$1,250.05",
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
    expect(form.amount).toBe("$1,250.05");
  });
});

describe("link expiry in the form", () => {
  it("keeps an end-of-day expiry as a bare day, so saving does not move it", () => {
    const endOfDay = new Date(2030, 11, 24, 23, 59, 59).getTime() / 1000;
    expect(formFromLink({ ...link, expiredAt: endOfDay }, "edit", 0).expiresAt).toBe("2030-12-24");
    const evening = new Date(2030, 11, 24, 18, 30).getTime() / 1000;
    expect(formFromLink({ ...link, expiredAt: evening }, "edit", 0).expiresAt).toBe(
      "2030-12-24T18:30",
    );
  });

  it("splits into a day and a time, and a day alone is sent as a day", () => {
    expect(splitExpiry("2030-12-24T18:30")).toEqual({ date: "2030-12-24", time: "18:30" });
    expect(splitExpiry("2030-12-24")).toEqual({ date: "2030-12-24", time: "" });
    expect(splitExpiry("")).toEqual({ date: "", time: "" });
    expect(joinExpiry({ date: "2030-12-24", time: "" })).toBe("2030-12-24");
    expect(joinExpiry({ date: "2030-12-24", time: "18:30" })).toBe("2030-12-24T18:30");
    expect(joinExpiry({ date: "", time: "18:30" })).toBe("");
  });

  it("means the end of a day picked without a time, in local time", () => {
    expect(expiryMoment({ date: "2030-12-24", time: "" })).toBe(
      new Date(2030, 11, 24, 23, 59, 59).getTime() / 1000,
    );
    expect(expiryMoment({ date: "2030-12-24", time: "08:05" })).toBe(
      new Date(2030, 11, 24, 8, 5).getTime() / 1000,
    );
    expect(expiryMoment({ date: "", time: "08:05" })).toBeNull();
  });
});

describe("what the form refuses before sending", () => {
  const expiry = { date: "", time: "" };

  it("a missing amount, a description over 250 characters, a time alone, type 0", () => {
    const issues = formIssues(
      { ...EMPTY_FORM, description: "ñ".repeat(251), linkType: 0 },
      { date: "", time: "10:00" },
    );
    expect(issues).toEqual({
      amount: { key: "validation:field.required" },
      description: { key: "links:form.descriptionTooLong", values: { count: 1, max: 250 } },
      expiresAt: { key: "links:form.expiryNeedsDate" },
      linkType: { key: "errors:link.type" },
    });
  });

  it("nothing in a complete form; characters are counted as the service counts them", () => {
    // 250 emoji are 500 UTF-16 units but 250 characters for Rust.
    const form = { ...EMPTY_FORM, amount: "99", description: "🎂".repeat(250) };
    expect(characterCount(form.description)).toBe(250);
    expect(formIssues(form, expiry)).toEqual({});
  });
});
