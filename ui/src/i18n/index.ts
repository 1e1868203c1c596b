import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale } from "../bindings";
import commonEn from "./locales/en/common.json";
import customersEn from "./locales/en/customers.json";
import errorsEn from "./locales/en/errors.json";
import linksEn from "./locales/en/links.json";
import merchantsEn from "./locales/en/merchants.json";
import validationEn from "./locales/en/validation.json";
import commonEs from "./locales/es-MX/common.json";
import customersEs from "./locales/es-MX/customers.json";
import errorsEs from "./locales/es-MX/errors.json";
import linksEs from "./locales/es-MX/links.json";
import merchantsEs from "./locales/es-MX/merchants.json";
import validationEs from "./locales/es-MX/validation.json";

export const resources = {
  "es-MX": {
    common: commonEs,
    customers: customersEs,
    errors: errorsEs,
    links: linksEs,
    merchants: merchantsEs,
    validation: validationEs,
  },
  en: {
    common: commonEn,
    customers: customersEn,
    errors: errorsEn,
    links: linksEn,
    merchants: merchantsEn,
    validation: validationEn,
  },
} as const;

export const LOCALES: readonly Locale[] = ["es-MX", "en"];
export const DEFAULT_LOCALE: Locale = "es-MX";

/** A fresh i18next instance (tests create their own; the app creates one at start). */
export async function createI18n(locale: Locale): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES,
    defaultNS: "common",
    ns: ["common", "customers", "errors", "links", "merchants", "validation"],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  return instance;
}
