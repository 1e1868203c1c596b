//! UnDosTres field names → our form fields, so a provider's per-field hint lands on the right
//! input of the customer account form.

const FORM_FIELDS: &[(&str, &str)] = &[
    ("email", "email"),
    ("first_name", "firstName"),
    ("middle_name", "middleName"),
    ("last_name", "lastName"),
    ("second_last_name", "secondLastName"),
    ("gender", "accountType"),
    ("mobile", "mobile"),
    ("mobile_country_code", "mobile"),
    ("rfc", "rfc"),
    ("curp", "curp"),
    ("kyc_level", "kycLevel"),
    ("zipcode", "postalCode"),
    ("campaign_id", "campaign"),
    ("composite_balance", "creditLine"),
    ("credit_line", "creditLine"),
];

/// Our form field for a provider field path.
pub fn form_field(provider_field: &str) -> Option<&'static str> {
    crate::fields::lookup(FORM_FIELDS, provider_field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credit_line_lands_on_its_input_and_ids_on_none() {
        assert_eq!(
            form_field("composite_balance.parent.credit_line"),
            Some("creditLine")
        );
        assert_eq!(form_field("gender"), Some("accountType"));
        assert_eq!(form_field("device_id"), None);
        assert_eq!(form_field("parent_id"), None);
    }
}
