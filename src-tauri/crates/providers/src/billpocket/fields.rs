//! Billpocket field names → our form fields, so a provider's per-field message lands on the right
//! input. One table for both forms (merchant registration, payment link).

const FORM_FIELDS: &[(&str, &str)] = &[
    // Create user
    ("email", "email"),
    ("password", "password"),
    ("telefono", "phone"),
    ("nombre", "firstName"),
    ("apellido_paterno", "paternalSurname"),
    ("apellido_materno", "maternalSurname"),
    ("tipo_persona", "personType"),
    ("actividad_comercial", "commercialActivity"),
    ("curp", "curp"),
    ("calle", "street"),
    ("exterior", "exteriorNumber"),
    ("interior", "interiorNumber"),
    ("colonia", "neighbourhood"),
    ("codigo_postal", "postalCode"),
    ("estado", "state"),
    ("municipio", "municipality"),
    ("rfc", "rfc"),
    ("razon_social", "legalName"),
    ("tipo_sociedad", "companyType"),
    ("fecha_constitucion", "incorporationDate"),
    ("representante_legal", "legalRepresentative"),
    // Payment links and their configuration
    ("url_path", "slug"),
    ("expired_at", "expiresAt"),
    ("amount", "amount"),
    ("type", "linkType"),
    ("description", "description"),
    ("rates", "installments"),
    ("is_fixed_term", "fixedTerm"),
    ("status", "status"),
    ("main_link", "mainLink"),
    ("clabe", "clabe"),
];

/// Our form field for a provider field path (`rates.0.months` → `installments`).
pub fn form_field(provider_field: &str) -> Option<&'static str> {
    crate::fields::lookup(FORM_FIELDS, provider_field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_nested_paths_by_their_head() {
        assert_eq!(form_field("codigo_postal"), Some("postalCode"));
        assert_eq!(form_field("rates.0.months"), Some("installments"));
        assert_eq!(form_field("rates[0].months"), Some("installments"));
        assert_eq!(form_field("serialNumber"), None);
    }
}
