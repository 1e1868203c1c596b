//! The Sandbox profile's starting UnDosTres data: the e-commerce's token and fifteen accounts,
//! eleven persons and four businesses, at levels 1–3, one of them suspended, with credit lines
//! from none to $800,000.00 and some of it used. Every row passes the shared rules (valid RFC
//! check digits, CURPs where given). Deterministic: the same state every time.

use mostrador_core::Centavos;
use mostrador_providers::undostres::rules::check_account;
use mostrador_providers::undostres::types::{AccountRequest, Gender, STATUS_SUSPENDED};

use super::state::UnDosTresState;

/// The Sandbox profile's `Authorization-ecommerce`.
pub const SANDBOX_ECOMMERCE_TOKEN: &str = "sandbox-udt-ecommerce-token-0001";
/// The first customer id; ids follow in the order below.
pub const FIRST_ID: i64 = 1001;
/// The device the seeded accounts were created from (not this installation's).
pub const SEED_DEVICE_ID: &str = "sandbox-seed-device";
/// 2026-12-01T00:00:00Z: seed ages count back from here.
pub const SEED_AT: i64 = 1_796_083_200;
/// The suspended account.
pub const SUSPENDED_ID: i64 = 1005;

const DAY: i64 = 24 * 60 * 60;

/// (first name, middle name, last name, second last name, gender, RFC, CURP, e-mail, mobile,
/// level, credit line in pesos, used in centavos, days before SEED_AT)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Gender,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u8,
    i64,
    i64,
    i64,
);

use Gender::{Business, Female, Male};

#[rustfmt::skip]
const ACCOUNTS: &[Row] = &[
    ("Guadalupe", "", "Gómez", "Martínez", Female, "GOMG850312A14", "GOME850312MJCNRL06", "lupita.gomez@example.com", "5512345678", 3, 100_000, 2_100_000, 240),
    ("Arturo", "", "Hernández", "Pérez", Male, "HEPA900101B2A", "HEPA900101HDFRRN06", "arturo.hernandez@example.com", "5598765432", 2, 50_000, 0, 180),
    ("Sofía", "", "López", "Sánchez", Female, "LOSC780715C36", "LOSC780715MNLPNR00", "sofia.lopez@example.com", "8112345678", 1, 20_000, 0, 3),
    ("Juan", "Pablo", "Ramírez", "Martínez", Male, "RAMJ020228D41", "RAMJ020228HJCMRNA7", "juan.ramirez@example.com", "3312345678", 1, 10_000, 150_000, 1),
    ("Walter", "", "Bojórquez", "", Male, "BOXW310820E56", "", "walter.bojorquez@example.com", "6621234567", 2, 30_000, 3_000_000, 90),
    ("Ana", "María", "Morales", "Vázquez", Female, "MOVA910304F63", "", "ana.morales@example.com", "5587654321", 3, 250_000, 5_000_000, 120),
    ("Eduardo", "", "Sánchez", "Torres", Male, "SATE880615G76", "", "eduardo.sanchez@example.com", "4421234567", 2, 75_000, 0, 60),
    ("Lucía", "", "Cruz", "Luna", Female, "CRLU750921H85", "", "lucia.cruz@example.com", "2221234567", 1, 5_000, 49_950, 14),
    ("Miguel", "Ángel", "Velázquez", "Moreno", Male, "VEMI930210J97", "", "miguel.velazquez@example.com", "9991234567", 3, 150_000, 0, 200),
    ("Patricia", "", "Rodríguez", "Castillo", Female, "ROCP820430K19", "", "patricia.rodriguez@example.com", "4771234567", 2, 40_000, 1_250_050, 45),
    ("Diego", "", "Flores", "Ortega", Male, "FLOD990101L27", "", "diego.flores@example.com", "6141234567", 1, 0, 0, 7),
    ("Tortillería San Miguel", "", "S.A. de C.V.", "", Business, "TSM190315M38", "", "pagos@tortilleriasanmiguel.mx", "5551234567", 2, 500_000, 12_000_000, 85),
    ("Café de Altura Chiapas", "", "S.A.P.I. de C.V.", "", Business, "CAC050822N47", "", "finanzas@cafedealtura.mx", "9611234567", 3, 800_000, 0, 150),
    ("Ferretería y Construcciones del Occidente", "", "S.A. de C.V.", "", Business, "FCO120101P50", "", "admin@ferreteriaoccidente.mx", "3331234567", 1, 100_000, 0, 12),
    ("Materiales y Distribuidora del Bajío", "", "S. de R.L. de C.V.", "", Business, "MDB880412Q61", "", "cuentas@materialesbajio.mx", "4621234567", 2, 300_000, 12_000_000, 40),
];

/// The seeded state.
pub fn seeded() -> UnDosTresState {
    let mut state = UnDosTresState::empty(SANDBOX_ECOMMERCE_TOKEN, FIRST_ID, 0x5EED_0123_0000_0015);
    for row in ACCOUNTS {
        let (first, middle, last, second, gender, rfc, curp, email, mobile) = (
            row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
        );
        let (level, line_pesos, used, days) = (row.9, row.10, row.11, row.12);
        let request = AccountRequest {
            device_id: SEED_DEVICE_ID.into(),
            email: email.into(),
            first_name: first.into(),
            middle_name: middle.into(),
            last_name: last.into(),
            second_last_name: second.into(),
            gender,
            mobile: mobile.into(),
            mobile_country_code: "52".into(),
            rfc: rfc.into(),
            curp: curp.into(),
            kyc_level: level,
            zipcode: String::new(),
            campaign_id: String::new(),
            credit_line: Centavos::from_pesos(line_pesos).unwrap_or_default(),
        };
        // The seed follows the rules it serves; a row that did not would be a bug caught by the
        // seed test, and is skipped rather than served.
        let Ok(request) = check_account(request) else {
            tracing::error!(
                email,
                "sandbox undostres: seed row breaks the rules; skipped"
            );
            continue;
        };
        let created_at = SEED_AT - days * DAY;
        if let Ok(account) = state.create_account(request, created_at) {
            let id = account.id;
            if let Some(account) = state.accounts.iter_mut().find(|a| a.id == id) {
                account.parent.used = used;
            }
        }
    }
    // The one suspended account (Walter Bojórquez, fully used).
    let _ = state.set_account(SUSPENDED_ID, None, Some(STATUS_SUSPENDED));
    state
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn fifteen_valid_accounts_of_every_kind_level_and_one_suspended() {
        let state = seeded();
        assert_eq!(state.accounts.len(), ACCOUNTS.len());
        assert_eq!(state.accounts.len(), 15);
        let levels: BTreeSet<u8> = state.accounts.iter().map(|a| a.account_level).collect();
        assert_eq!(levels, BTreeSet::from([1, 2, 3]));
        let businesses = state
            .accounts
            .iter()
            .filter(|a| a.request.gender.is_business())
            .count();
        assert_eq!(businesses, 4);
        let suspended: Vec<i64> = state
            .accounts
            .iter()
            .filter(|a| a.account_status == STATUS_SUSPENDED)
            .map(|a| a.id)
            .collect();
        assert_eq!(suspended, [SUSPENDED_ID]);
        for account in &state.accounts {
            assert!(
                account.parent.used <= account.parent.credit_line,
                "{}",
                account.id
            );
        }
        // Deterministic: the same tokens every time.
        assert_eq!(
            seeded().accounts[0].tokens.refresh_token,
            state.accounts[0].tokens.refresh_token
        );
    }
}
