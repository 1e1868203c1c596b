use mostrador_store::{
    Customer, CustomerKind, Environment, KycStatus, Link, LinkQuery, LinkStatus, Merchant, Profile,
    Provider, Store,
};
use tempfile::TempDir;

pub const PROFILE: &str = "p-sandbox";
pub const DAY: i64 = 86_400;
/// 2026-01-01T00:00:00Z
pub const T0: i64 = 1_767_225_600;

pub fn profile(id: &str) -> Profile {
    Profile {
        id: id.into(),
        name: format!("Perfil {id}"),
        environment: Environment::Sandbox,
        billpocket_base_url: Some("http://127.0.0.1:1/bp".into()),
        cryptopocket_base_url: None,
        undostres_base_url: None,
        created_at: T0,
        updated_at: T0,
    }
}

/// A fresh store with one profile.
pub fn store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .write(|w| w.upsert_profile(&profile(PROFILE)))
        .unwrap();
    (dir, store)
}

pub fn link(id: &str, description: &str, amount_centavos: i64, created_at: i64) -> Link {
    Link {
        id: id.into(),
        merchant_id: None,
        description: description.into(),
        amount_centavos,
        secondary_link: format!("slug{id}"),
        custom_link_path: format!("https://test.pay.billpocket.com/mylink/slug{id}"),
        status: LinkStatus::Active,
        link_type: 2,
        expired_at: None,
        months: vec![],
        is_fixed_term: false,
        created_at,
        updated_at: created_at,
        synced_at: None,
    }
}

pub fn merchant(id: &str, name: &str) -> Merchant {
    Merchant {
        id: id.into(),
        name: name.into(),
        email: format!("{id}@example.mx"),
        rfc: "TAC010101AB1".into(),
        main_link: None,
        domain: None,
        created_at: T0,
        updated_at: T0,
        synced_at: None,
        person_type: None,
        clabe: None,
        bank: None,
        registration: None,
    }
}

pub fn person(
    provider: Provider,
    id: &str,
    first: &str,
    last: &str,
    status: KycStatus,
) -> Customer {
    Customer {
        provider,
        id: id.into(),
        kind: CustomerKind::Person,
        first_name: first.into(),
        last_name: last.into(),
        second_last_name: String::new(),
        company_name: String::new(),
        email: format!("{}.{}@example.mx", first.to_lowercase(), id),
        id_type: "CURP".into(),
        id_number: format!("CURP{id}"),
        country: "MX".into(),
        kyc_status: status,
        kyc_level: None,
        kyc_url: None,
        created_at: T0,
        updated_at: T0,
        synced_at: None,
    }
}

/// The ids of the first page `query` gives, in its order.
pub fn first_page_ids(store: &Store, query: &LinkQuery) -> Vec<String> {
    store
        .search_links(query, T0)
        .unwrap()
        .items
        .into_iter()
        .map(|l| l.id)
        .collect()
}

/// The ids of the links (first page) matching `text`, within `merchant_id` when given, sorted.
pub fn matching_ids(store: &Store, merchant_id: Option<&str>, text: &str) -> Vec<String> {
    let query = LinkQuery {
        profile_id: PROFILE.into(),
        text: text.into(),
        merchant_id: merchant_id.map(Into::into),
        ..LinkQuery::default()
    };
    let mut ids = first_page_ids(store, &query);
    ids.sort();
    ids
}
