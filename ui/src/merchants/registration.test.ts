import { draftTitle, EMPTY_REGISTRATION, formFromDraft, worthDrafting } from "./registration";

describe("registration drafts", () => {
  it("titles a draft after the company or the person", () => {
    expect(
      draftTitle({ ...EMPTY_REGISTRATION, firstName: " Elena ", paternalSurname: "González" }),
    ).toBe("Elena González");
    expect(
      draftTitle({ ...EMPTY_REGISTRATION, personType: "moral", legalName: "Muebles del Bajío" }),
    ).toBe("Muebles del Bajío");
  });

  it("restores a saved form and survives a damaged body", () => {
    expect(formFromDraft('{"curp":"GODE561231MDFNRL01"}').curp).toBe("GODE561231MDFNRL01");
    expect(formFromDraft('{"curp":"GODE561231MDFNRL01"}').email).toBe("");
    expect(formFromDraft("{not json")).toEqual(EMPTY_REGISTRATION);
  });

  it("drafts a form only once something beyond the person type is typed", () => {
    expect(worthDrafting(EMPTY_REGISTRATION)).toBe(false);
    expect(worthDrafting({ ...EMPTY_REGISTRATION, personType: "moral" })).toBe(false);
    expect(worthDrafting({ ...EMPTY_REGISTRATION, personType: "fisica", firstName: "  " })).toBe(
      false,
    );
    expect(worthDrafting({ ...EMPTY_REGISTRATION, personType: "fisica", firstName: "E" })).toBe(
      true,
    );
    expect(worthDrafting({ ...EMPTY_REGISTRATION, state: "09" })).toBe(true);
  });
});
