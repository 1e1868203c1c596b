//! CryptoPocket field names → our form fields, so a provider's per-field message lands on the
//! right input. One table for the person, company and document forms.

const FORM_FIELDS: &[(&str, &str)] = &[
    ("name", "firstName"),
    ("last_name", "lastName"),
    ("last_name2", "secondLastName"),
    ("phone", "phone"),
    ("country", "country"),
    ("country_code", "country"),
    ("city", "city"),
    ("address", "address"),
    ("address_state", "state"),
    ("zipcode", "postalCode"),
    ("email", "email"),
    ("identification_type", "idType"),
    ("identification_number", "idNumber"),
    ("password", "password"),
    ("professional_activity", "profession"),
    ("dob", "birthDate"),
    ("iban", "iban"),
    ("callback_url", "callbackUrl"),
    ("company_name", "companyName"),
    ("user_id", "customer"),
    ("type", "documentType"),
    ("file", "file"),
];

/// Our form field for a provider field path.
pub fn form_field(provider_field: &str) -> Option<&'static str> {
    crate::fields::lookup(FORM_FIELDS, provider_field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_country_fields_land_on_the_country_input() {
        assert_eq!(form_field("country_code"), Some("country"));
        assert_eq!(form_field("identification_number"), Some("idNumber"));
        assert_eq!(form_field("kyc_form_url"), None);
    }
}
