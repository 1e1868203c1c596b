import "i18next";

import type common from "./locales/es-MX/common.json";
import type customers from "./locales/es-MX/customers.json";
import type errors from "./locales/es-MX/errors.json";
import type links from "./locales/es-MX/links.json";
import type merchants from "./locales/es-MX/merchants.json";
import type validation from "./locales/es-MX/validation.json";

// Keys are checked against the Spanish catalogue, the one every other language must match.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof common;
      customers: typeof customers;
      errors: typeof errors;
      links: typeof links;
      merchants: typeof merchants;
      validation: typeof validation;
    };
  }
}
