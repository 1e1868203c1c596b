//! The Sandbox profile's starting CryptoPocket data: two integrations with fixed, clearly fake
//! credentials; 35 persons from Mexico, Argentina, Chile, Colombia, Peru and Spain (valid
//! identification numbers by each country's rules) and four companies, in every KYC state and
//! created between one day and eight months before 2026-12-01; a few documents; and two
//! customers of the other integration. Deterministic: the same state every time.

use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::types::{
    CompanyRequest, DocumentType, KycStatus, PersonRequest,
};

use super::state::{CryptoPocketState, Integration, StoredDocument};
use super::validate;

/// The Sandbox profile's integration.
pub const SANDBOX_API_KEY: &str = "sandbox-cp-api-key-0001";
pub const SANDBOX_API_SECRET: &str = "sandbox-cp-api-secret-0001";
/// Another business's integration: its customers are `user_not_in_integration` to the first.
pub const OTHER_API_KEY: &str = "sandbox-cp-api-key-0002";
pub const OTHER_API_SECRET: &str = "sandbox-cp-api-secret-0002";

pub const SANDBOX_INTEGRATION: u32 = 1;
pub const OTHER_INTEGRATION: u32 = 2;
/// The first customer id; ids follow in the order below.
pub const FIRST_ID: i64 = 186;
/// 2026-12-01T00:00:00Z: seed ages count back from here.
pub const SEED_AT: i64 = 1_796_083_200;
/// The company whose KYB link expires five days after [`SEED_AT`].
pub const NEAR_EXPIRY_COMPANY_EMAIL: &str = "kyb@tortilleriasanmiguel.mx";

const DAY: i64 = 24 * 60 * 60;

/// (name, last name, country code, id type, id number, phone, KYC status, days before SEED_AT)
type PersonRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    KycStatus,
    i64,
);

use KycStatus::{Fail, Processing, Unused, Valid};

#[rustfmt::skip]
const PERSONS: &[PersonRow] = &[
    ("Guadalupe", "Gómez", "MEX", "CURP", "GOME850312MJCNRL06", "+525512345678", Valid, 240),
    ("Arturo", "Hernández", "MEX", "CURP", "HEPA900101HDFRRN06", "+525598765432", Valid, 180),
    ("Sofía", "López", "MEX", "CURP", "LOSC780715MNLPNR00", "+528112345678", Processing, 3),
    ("Juan", "Ramírez", "MEX", "CURP", "RAMJ020228HJCMRNA7", "+523312345678", Unused, 1),
    ("Walter", "Bojórquez", "MEX", "CURP", "BOXW310820HNERXN09", "+526621234567", Fail, 90),
    ("Jorge", "Pérez", "MEX", "CURP", "PEGJ800101HDFRRN03", "+525587654321", Valid, 30),
    ("Alvaro", "Iglesia", "ARG", "DNI", "11111111", "+541145678901", Valid, 200),
    ("Lucía", "Fernández", "ARG", "DNI", "20123456", "+541156789012", Unused, 2),
    ("Mateo", "Sosa", "ARG", "DNI", "1234567", "+543514567890", Fail, 60),
    ("Camila", "Benítez", "ARG", "CUIT", "20267565393", "+541167890123", Valid, 120),
    ("Valentina", "Romero", "ARG", "CUIT", "27314567892", "+542614567890", Processing, 5),
    ("Santiago", "Acosta", "ARG", "CUIT", "20334445551", "+541178901234", Valid, 45),
    ("Javiera", "Muñoz", "CHL", "RUT", "12345678-5", "+56912345678", Valid, 150),
    ("Benjamín", "Rojas", "CHL", "RUT", "15509661-6", "+56923456789", Unused, 7),
    ("Isidora", "Díaz", "CHL", "RUT", "8765432-K", "+56934567890", Fail, 20),
    ("Agustín", "Soto", "CHL", "RUT", "17654321-3", "+56945678901", Processing, 1),
    ("Florencia", "Contreras", "CHL", "RUT", "19876543-0", "+56956789012", Valid, 75),
    ("Tomás", "Silva", "CHL", "RUT", "11222333-9", "+56967890123", Unused, 14),
    ("Daniela", "Rodríguez", "COL", "CED_CIU", "1020304050", "+573001234567", Valid, 210),
    ("Andrés", "García", "COL", "CED_CIU", "79865432", "+573012345678", Processing, 2),
    ("Mariana", "Martínez", "COL", "CED_EXT", "456789", "+573023456789", Unused, 10),
    ("Felipe", "Castro", "COL", "TI", "1001234567", "+573034567890", Fail, 100),
    ("Natalia", "Ortiz", "COL", "PASS", "AB123456", "+573045678901", Valid, 35),
    ("Sebastián", "Vargas", "COL", "NUIP", "1012345678", "+573056789012", Valid, 8),
    ("Rosa", "Quispe", "PER", "DNI", "10117410", "+51912345678", Valid, 160),
    ("Luis", "Mamani", "PER", "DNI", "45678912", "+51923456789", Unused, 4),
    ("Carmen", "Flores", "PER", "DNI", "70123456", "+51934567890", Processing, 6),
    ("Diego", "Chávez", "PER", "CE", "001234567", "+51945678901", Fail, 40),
    ("Paola", "Huamán", "PER", "CE", "123456789", "+51956789012", Valid, 12),
    ("Lucía", "Iglesias", "ESP", "GOVERNMENT_ID", "54362315K", "+34612345678", Valid, 230),
    ("Pablo", "Moreno", "ESP", "GOVERNMENT_ID", "12345678Z", "+34623456789", Processing, 2),
    ("Elena", "Navarro", "ESP", "GOVERNMENT_ID", "87654321X", "+34634567890", Unused, 9),
    ("Youssef", "El Amrani", "ESP", "PERMANENT_RESIDENCE_PERMIT", "X2482300W", "+34645678901", Valid, 55),
    ("Irina", "Popescu", "ESP", "PERMANENT_RESIDENCE_PERMIT", "Y1234567X", "+34656789012", Fail, 25),
    ("Hugo", "Serrano", "ESP", "PASSPORT", "XDC123456", "+34667890123", Valid, 18),
];

/// (company name, e-mail, KYB status, days before SEED_AT)
const COMPANIES: &[(&str, &str, KycStatus, i64)] = &[
    (
        "Tortillería San Miguel S.A. de C.V.",
        NEAR_EXPIRY_COMPANY_EMAIL,
        Unused,
        85,
    ),
    (
        "Café de Altura Chiapas S.A.P.I.",
        "kyb@cafedealtura.mx",
        Valid,
        150,
    ),
    (
        "Importadora Andina S.A.C.",
        "kyb@importadoraandina.pe",
        Processing,
        12,
    ),
    ("Viñedos del Maipo SpA", "kyb@vinedosmaipo.cl", Fail, 40),
];

/// The seeded state.
pub fn seeded() -> CryptoPocketState {
    let integration = |id, key: &str, secret: &str| Integration {
        id,
        api_key: Credential::new(key),
        api_secret: Credential::new(secret),
        allowlisted: true,
    };
    let mut state = CryptoPocketState::empty(
        FIRST_ID,
        0x5EED_C0FF_EE00_0015,
        vec![
            integration(SANDBOX_INTEGRATION, SANDBOX_API_KEY, SANDBOX_API_SECRET),
            integration(OTHER_INTEGRATION, OTHER_API_KEY, OTHER_API_SECRET),
        ],
    );
    for (n, row) in PERSONS.iter().enumerate() {
        let (name, last_name, country_code, id_type, id_number, phone, status, days) = *row;
        let email = format!(
            "{}.{}{}@sandbox.mostrador.test",
            ascii(name),
            ascii(last_name),
            // Keeps a processing case from settling by itself: the double's documented marker.
            if status == Processing && n % 2 == 0 {
                "+pending"
            } else {
                ""
            }
        );
        let person = PersonRequest {
            name: name.into(),
            last_name: last_name.into(),
            phone: phone.into(),
            country_code: country_code.into(),
            email,
            identification_type: id_type.into(),
            identification_number: id_number.into(),
            dob: format!("19{}-0{}-1{}", 60 + n % 40, 1 + n % 9, n % 10),
            professional_activity: "Comerciante".into(),
            ..PersonRequest::default()
        };
        add_person(&mut state, SANDBOX_INTEGRATION, person, status, days);
    }
    for &(company_name, email, status, days) in COMPANIES {
        let created_at = SEED_AT - days * DAY;
        let request = CompanyRequest {
            email: email.into(),
            company_name: company_name.into(),
        };
        // Seed data is valid by construction; a refusal would only drop that customer (a test
        // counts them).
        if let Ok(company) = validate::company(request)
            .and_then(|c| state.create_company(SANDBOX_INTEGRATION, c, created_at))
        {
            state.set_kyc(company.id, status, created_at + DAY);
        }
    }
    for (name, last_name, id_number) in [
        ("Ramón", "Vidal", "23456789D"),
        ("Nuria", "Puig", "34567890V"),
    ] {
        let person = PersonRequest {
            name: name.into(),
            last_name: last_name.into(),
            email: format!("{}.{}@otra-integracion.test", ascii(name), ascii(last_name)),
            country_code: "ESP".into(),
            identification_type: "GOVERNMENT_ID".into(),
            identification_number: id_number.into(),
            ..PersonRequest::default()
        };
        add_person(&mut state, OTHER_INTEGRATION, person, Valid, 100);
    }
    add_documents(&mut state);
    state
}

fn add_person(
    state: &mut CryptoPocketState,
    integration: u32,
    person: PersonRequest,
    status: KycStatus,
    days: i64,
) {
    let created_at = SEED_AT - days * DAY;
    if let Ok(customer) =
        validate::person(person).and_then(|p| state.create_person(integration, p, created_at))
        && status != Unused
    {
        state.set_kyc(customer.id, status, created_at + DAY / 2);
    }
}

/// Documents on a few verified customers (what the double keeps: type, MIME type and size).
fn add_documents(state: &mut CryptoPocketState) {
    let uploads = [
        (
            FIRST_ID,
            DocumentType::BankStatement,
            "application/pdf",
            182_344,
        ),
        (FIRST_ID, DocumentType::Payslip, "application/pdf", 96_120),
        (
            FIRST_ID + 1,
            DocumentType::SourceOfFundsDeclaration,
            "application/pdf",
            41_870,
        ),
        (
            FIRST_ID + 9,
            DocumentType::TaxReturn,
            "image/jpeg",
            1_204_551,
        ),
        (
            FIRST_ID + 29,
            DocumentType::OnboardingForm,
            "image/png",
            380_002,
        ),
    ];
    for (id, document_type, mime, bytes) in uploads {
        if let Ok(customer) = state.customer_mut(SANDBOX_INTEGRATION, id) {
            customer.documents.push(StoredDocument {
                document_type,
                mime: mime.into(),
                bytes,
            });
        }
    }
}

/// A name as an e-mail local part: lowercase ASCII letters only.
fn ascii(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'á' | 'Á' => Some('a'),
            'é' | 'É' => Some('e'),
            'í' | 'Í' => Some('i'),
            'ó' | 'Ó' => Some('o'),
            'ú' | 'Ú' | 'ü' => Some('u'),
            'ñ' | 'Ñ' => Some('n'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_seeded_customer_passed_the_rules_and_every_state_and_country_is_there() {
        let state = seeded();
        assert_eq!(state.customers.len(), PERSONS.len() + COMPANIES.len() + 2);
        let ours: Vec<_> = state
            .customers
            .iter()
            .filter(|c| c.integration == SANDBOX_INTEGRATION)
            .collect();
        for status in KycStatus::ALL {
            assert!(ours.iter().any(|c| c.kyc_status == status), "{status:?}");
            assert!(
                ours.iter()
                    .any(|c| c.company.is_some() && c.kyc_status == status)
                    || status == KycStatus::Unused && ours.iter().any(|c| c.company.is_some()),
            );
        }
        let countries: HashSet<_> = ours
            .iter()
            .filter_map(|c| c.person.as_ref().map(|p| p.country_code.clone()))
            .collect();
        assert_eq!(countries.len(), 6, "{countries:?}");
        assert!(ours.iter().filter(|c| !c.documents.is_empty()).count() >= 3);
        let near = ours
            .iter()
            .find(|c| c.email == NEAR_EXPIRY_COMPANY_EMAIL)
            .and_then(|c| c.company.as_ref())
            .unwrap();
        assert_eq!(near.kyb_link_expires_at, SEED_AT + 5 * DAY);
    }
}
