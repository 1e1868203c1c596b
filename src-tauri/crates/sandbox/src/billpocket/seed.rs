//! The Sandbox profile's starting data: fixed, clearly fake credentials, two merchants and 60
//! links in varied states. Deterministic: the same state every time (fixed dates and generator
//! seed), so screenshots and tests can rely on it.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use mostrador_core::money::{BillpocketAmount, Centavos};
use mostrador_providers::Credential;
use mostrador_providers::billpocket::types::{
    CreateUserRequest, LINK_INACTIVE, LinkRequest, LinkUpdate, PERSONA_FISICA, PERSONA_MORAL,
    RateRequest,
};

use super::state::BillpocketState;
use super::validate;

/// A fixed seed time; only ever evaluated in a `const`, so a wrong date fails the build.
const fn at(date: (i32, u32, u32), time: (u32, u32, u32)) -> NaiveDateTime {
    match (
        NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        NaiveTime::from_hms_opt(time.0, time.1, time.2),
    ) {
        (Some(date), Some(time)) => NaiveDateTime::new(date, time),
        _ => panic!("not a date and time"),
    }
}

const FIRST_LINK_CREATED: NaiveDateTime = at((2025, 3, 1), (9, 15, 0));
const END_OF_2027: NaiveDateTime = at((2027, 12, 31), (23, 59, 59));
const MID_2028: NaiveDateTime = at((2028, 6, 30), (18, 0, 0));

/// `BP-Api-Key` the double accepts (integrator calls).
pub const SANDBOX_API_KEY: &str = "sandbox-bp-api-key-0001";
/// `X-Api-Key` the double accepts alongside a user token.
pub const SANDBOX_X_API_KEY: &str = "sandbox-bp-x-api-key-0001";
/// The hosted-link site of the test environment (documented samples).
pub const SANDBOX_DOMAIN: &str = "https://test.pay.billpocket.com";

pub const MERCHANT_1_USER_ID: i64 = 61234;
pub const MERCHANT_1_EMAIL: &str = "elena.gonzalez@sandbox.mostrador.test";
pub const MERCHANT_1_PASSWORD: &str = "sandbox-password-0001";
pub const MERCHANT_2_USER_ID: i64 = 61235;
pub const MERCHANT_2_EMAIL: &str = "muebles.bajio@sandbox.mostrador.test";
pub const MERCHANT_2_PASSWORD: &str = "sandbox-password-0002";

const DESCRIPTIONS: [&str; 12] = [
    "Pastel de chocolate",
    "Clase de yoga mensual",
    "Consulta dental",
    "Reparación de celular",
    "Caja de café de Chiapas",
    "Anticipo de mueble",
    "Inscripción al taller",
    "Servicio de banquete",
    "Playera bordada",
    "Mantenimiento de aire acondicionado",
    "",
    "Renta de mobiliario",
];

/// The seeded state; both merchants' user tokens are `sandbox-bp-user-token-<user id>`.
pub fn seeded() -> BillpocketState {
    let mut state =
        BillpocketState::empty(SANDBOX_DOMAIN, MERCHANT_1_USER_ID, 0x5EED_B111_0C4E_7001);
    for (profile, main_link, clabe, links) in [
        (merchant_1(), "laesquina", Some("012180000118359713"), 36),
        (merchant_2(), "mueblesbajio", None, 24),
    ] {
        let Ok(created) = state.create_user(profile) else {
            continue;
        };
        let user_id = created.user_id;
        // Seed data is consistent by construction; a refusal would only drop that piece.
        let _ = state.configure(user_id, main_link);
        if let Some(Ok(account)) = clabe.map(validate::clabe) {
            let _ = state.set_clabe(user_id, account);
        }
        for n in 0..links {
            let created_at = FIRST_LINK_CREATED + TimeDelta::hours(31 * n);
            if let Ok(link) = state.create_link(user_id, link_request(n, created_at), created_at)
                && n % 5 == 3
            {
                let _ = state.update_link(
                    user_id,
                    &link.id,
                    inactive(),
                    created_at + TimeDelta::days(2),
                );
            }
        }
    }
    state
}

/// The n-th link: some custom slugs, some generated; with and without MSI; with no expiry, a
/// future one, or one already past (expired).
fn link_request(n: i64, created_at: NaiveDateTime) -> LinkRequest {
    let description = DESCRIPTIONS[(n % 12) as usize];
    let expired_at = match n % 4 {
        0 => None,
        1 => Some(END_OF_2027),
        2 => Some(created_at + TimeDelta::days(30)), // all of these are in the past by now: expired
        _ => Some(MID_2028),
    };
    let rates = match n % 3 {
        0 => vec![],
        1 => vec![rate("3"), rate("6")],
        _ => vec![rate("12")],
    };
    LinkRequest {
        url_path: (n % 2 == 0 && !description.is_empty()).then(|| format!("pago{n:02}")),
        expired_at,
        amount: BillpocketAmount(Centavos::new(
            ((n * 7919) % 4_950 + 50) * 100 + if n % 6 == 0 { 50 } else { 0 },
        )),
        link_type: 2,
        description: description.to_owned(),
        rates,
        is_fixed_term: n % 7 == 0,
    }
}

fn rate(months: &str) -> RateRequest {
    RateRequest {
        months: months.to_owned(),
        rate_type: "MSI".to_owned(),
    }
}

fn inactive() -> LinkUpdate {
    LinkUpdate {
        status: Some(LINK_INACTIVE),
        ..Default::default()
    }
}

fn merchant_1() -> CreateUserRequest {
    CreateUserRequest {
        email: MERCHANT_1_EMAIL.into(),
        password: Credential::new(MERCHANT_1_PASSWORD),
        telefono: "5512345678".into(),
        nombre: "Elena".into(),
        apellido_paterno: "González".into(),
        apellido_materno: "Durán".into(),
        tipo_persona: PERSONA_FISICA.into(),
        actividad_comercial: "02".into(),
        curp: "GODE561231MDFNRL01".into(),
        calle: "Av. Álvaro Obregón".into(),
        exterior: "121".into(),
        interior: "3".into(),
        colonia: "Roma Norte".into(),
        codigo_postal: "06700".into(),
        estado: "09".into(),
        municipio: "006".into(),
        rfc: "GODE561231GR8".into(),
        razon_social: String::new(),
        tipo_sociedad: String::new(),
        fecha_constitucion: String::new(),
        representante_legal: String::new(),
    }
}

fn merchant_2() -> CreateUserRequest {
    CreateUserRequest {
        email: MERCHANT_2_EMAIL.into(),
        password: Credential::new(MERCHANT_2_PASSWORD),
        telefono: "4777654321".into(),
        nombre: "Martín".into(),
        apellido_paterno: "Aguilar".into(),
        apellido_materno: "Becerra".into(),
        tipo_persona: PERSONA_MORAL.into(),
        actividad_comercial: "10".into(),
        curp: String::new(),
        calle: "Blvd. Adolfo López Mateos".into(),
        exterior: "2500".into(),
        interior: String::new(),
        colonia: "Jardines del Moral".into(),
        codigo_postal: "37160".into(),
        estado: "11".into(),
        municipio: "001".into(),
        rfc: "MAB9307148T4".into(),
        razon_social: "Muebles Artesanales del Bajío".into(),
        tipo_sociedad: "01".into(),
        fecha_constitucion: "1993-07-14".into(),
        representante_legal: "Martín Aguilar Becerra".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_is_deterministic_and_varied() {
        let state = seeded();
        assert_eq!(state.merchants.len(), 2);
        let links: Vec<_> = state.merchants.iter().flat_map(|m| &m.links).collect();
        assert_eq!(links.len(), 60);
        let now = at((2026, 1, 1), (0, 0, 0));
        assert!(links.iter().any(|l| l.status == LINK_INACTIVE));
        assert!(links.iter().any(|l| l.expired_at.is_some_and(|e| e < now)));
        assert!(links.iter().any(|l| l.expired_at.is_some_and(|e| e > now)));
        assert!(links.iter().any(|l| l.expired_at.is_none()));
        assert!(links.iter().any(|l| l.available_rates.is_empty()));
        assert!(links.iter().any(|l| !l.available_rates.is_empty()));
        assert!(
            links
                .iter()
                .any(|l| l.secondary_link.len() == 8 && l.description.ends_with(')'))
        );
        let again = seeded();
        let ids = |s: &BillpocketState| {
            s.merchants
                .iter()
                .flat_map(|m| m.links.iter().map(|l| l.id.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&state), ids(&again));
    }
}
