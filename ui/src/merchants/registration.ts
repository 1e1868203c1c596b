import type { FieldKind, MerchantForm_Serialize as MerchantForm, PersonKind } from "../bindings";

/** The empty registration form. */
export const EMPTY_REGISTRATION: MerchantForm = {
  personType: null,
  email: "",
  phone: "",
  firstName: "",
  paternalSurname: "",
  maternalSurname: "",
  commercialActivity: "",
  curp: "",
  street: "",
  exteriorNumber: "",
  interiorNumber: "",
  neighbourhood: "",
  postalCode: "",
  state: "",
  municipality: "",
  rfc: "",
  legalName: "",
  companyType: "",
  incorporationDate: "",
  legalRepresentative: "",
};

export type TextField = Exclude<
  keyof MerchantForm,
  "personType" | "state" | "municipality" | "commercialActivity" | "companyType"
>;

/** A typed field of the form: checked by a core validator when `kind` is set. */
export type FieldSpec = {
  name: TextField;
  kind?: FieldKind;
  optional?: boolean;
  type?: string;
  /** Shown only for this kind of person (and not sent for the other). */
  only?: PersonKind;
};

export const IDENTITY: FieldSpec[] = [
  { name: "legalName", only: "moral" },
  { name: "incorporationDate", only: "moral", type: "date" },
  { name: "legalRepresentative", only: "moral", kind: "personName" },
  { name: "firstName", kind: "personName" },
  { name: "paternalSurname", kind: "personName" },
  { name: "maternalSurname", kind: "personName", optional: true },
  { name: "curp", kind: "curp", only: "fisica" },
  { name: "rfc", kind: "rfc" },
  { name: "email", kind: "email", type: "email" },
  { name: "phone", kind: "phoneMx" },
];

export const ADDRESS: FieldSpec[] = [
  { name: "street" },
  { name: "exteriorNumber" },
  { name: "interiorNumber", optional: true },
  { name: "neighbourhood" },
  { name: "postalCode", kind: "postalCode" },
];

/** What a list of drafts calls a draft: the business or person named so far. */
export function draftTitle(form: MerchantForm): string {
  if (form.personType === "moral" && form.legalName.trim() !== "") return form.legalName.trim();
  return [form.firstName, form.paternalSurname, form.maternalSurname]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" ");
}

/** A draft's body back into a form; unknown or missing keys fall back to empty. */
export function formFromDraft(body: string): MerchantForm {
  try {
    const parsed = JSON.parse(body) as Partial<MerchantForm>;
    return { ...EMPTY_REGISTRATION, ...parsed };
  } catch {
    return EMPTY_REGISTRATION;
  }
}

/**
 * Whether a form holds something worth a draft: a value typed or chosen beyond the person type
 * (picking it alone is one click to repeat, and would leave a nameless draft per opening).
 */
export function worthDrafting(form: MerchantForm): boolean {
  return Object.entries(form).some(
    ([key, value]) => key !== "personType" && typeof value === "string" && value.trim() !== "",
  );
}
