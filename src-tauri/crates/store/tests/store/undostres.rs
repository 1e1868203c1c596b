//! UnDosTres accounts in the customers cache (migration 0009): their own fields beside the
//! shared row, level and status changes in the shared history, the balance as last read, and
//! the installation's stable device id.

use mostrador_codes::Coded;
use mostrador_store::{
    KycStatus, ParentBalanceRead, Provider, Store, StoreError, UndostresAccount, UndostresSecrets,
};

use crate::common::*;

fn account(id: &str, level: u8, status: i64, kyc: KycStatus) -> UndostresAccount {
    let mut customer = person(Provider::Undostres, id, "Guadalupe", "Gómez", kyc);
    customer.id_type = "RFC".into();
    customer.id_number = "GOMG850312A14".into();
    customer.kyc_level = Some(level);
    UndostresAccount {
        customer,
        account_status: status,
        mobile: "5512345678".into(),
        curp: "GOME850312MJCNRL06".into(),
        ewallet_id: Some(10_010),
        parent_balance_id: Some("66acce83856147e791206ca90a6e4b6d".into()),
    }
}

#[test]
fn accounts_keep_their_fields_and_their_level_and_status_history() {
    let (_dir, store) = store();
    let created = account("1001", 1, 1, KycStatus::Valid);
    store
        .write(|w| w.upsert_undostres_accounts(PROFILE, std::slice::from_ref(&created), T0))
        .unwrap();
    let view = store.undostres_account(PROFILE, "1001").unwrap().unwrap();
    assert_eq!(view.account.customer.synced_at, Some(T0));
    assert_eq!(
        UndostresAccount {
            customer: created.customer.clone(),
            ..view.account.clone()
        },
        created
    );
    assert_eq!(view.balance, None);

    // A later read (get-account) has no wallet or parent id: the known ones stay. The level
    // rises, then the account is suspended: each change is on record once.
    let raised = UndostresAccount {
        ewallet_id: None,
        parent_balance_id: None,
        ..account("1001", 2, 1, KycStatus::Valid)
    };
    let suspended = UndostresAccount {
        ewallet_id: None,
        parent_balance_id: None,
        ..account("1001", 2, 2, KycStatus::Fail)
    };
    for (at, read) in [
        (T0 + DAY, &raised),
        (T0 + 2 * DAY, &suspended),
        (T0 + 3 * DAY, &suspended),
    ] {
        store
            .write(|w| w.upsert_undostres_accounts(PROFILE, std::slice::from_ref(read), at))
            .unwrap();
    }
    let view = store.undostres_account(PROFILE, "1001").unwrap().unwrap();
    assert_eq!(view.account.account_status, 2);
    assert_eq!(view.account.ewallet_id, Some(10_010));
    assert_eq!(
        view.account.parent_balance_id.as_deref(),
        Some("66acce83856147e791206ca90a6e4b6d")
    );
    let history = store
        .kyc_history(PROFILE, Provider::Undostres, "1001")
        .unwrap();
    let seen: Vec<_> = history
        .iter()
        .map(|t| (t.from_status, t.to_status, t.kyc_level, t.observed_at))
        .collect();
    assert_eq!(
        seen,
        [
            (None, KycStatus::Valid, Some(1), T0),
            (Some(KycStatus::Valid), KycStatus::Valid, Some(2), T0 + DAY),
            (
                Some(KycStatus::Valid),
                KycStatus::Fail,
                Some(2),
                T0 + 2 * DAY
            ),
        ]
    );
}

#[test]
fn the_balance_is_recorded_for_a_cached_account_only() {
    let (_dir, store) = store();
    store
        .write(|w| {
            w.upsert_undostres_accounts(PROFILE, &[account("1002", 1, 1, KycStatus::Valid)], T0)
        })
        .unwrap();
    let balance = ParentBalanceRead {
        credit_line: 10_000_000,
        credit_limit: 10_000_000,
        available_credit: 7_900_000,
        next_billing_date: "2026-02-01".into(),
        next_due_date: "2026-02-21".into(),
        read_at: T0 + 60,
    };
    store
        .write(|w| w.record_parent_balance(PROFILE, "1002", &balance))
        .unwrap();
    let view = store.undostres_account(PROFILE, "1002").unwrap().unwrap();
    assert_eq!(view.balance, Some(balance.clone()));
    let missing = store
        .write(|w| w.record_parent_balance(PROFILE, "404", &balance))
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(_)), "{missing:?}");
    assert_eq!(store.undostres_account(PROFILE, "404").unwrap(), None);
    // A CryptoPocket customer is not an UnDosTres account.
    let mut other = account("1003", 1, 1, KycStatus::Valid);
    other.customer.provider = Provider::Cryptopocket;
    let refused = store
        .write(|w| w.upsert_undostres_accounts(PROFILE, &[other], T0))
        .unwrap_err();
    assert_eq!(refused.code(), "store.invalid");
}

#[test]
fn the_device_id_is_made_once_and_survives_reopening() {
    let (dir, store) = store();
    let device = store.device_id().unwrap();
    assert!(
        device.starts_with("mostrador-") && device.len() == 42,
        "{device}"
    );
    assert_eq!(store.device_id().unwrap(), device);
    drop(store);
    let reopened = Store::open(dir.path()).unwrap();
    assert_eq!(reopened.device_id().unwrap(), device);
    // Another installation gets another id.
    let (_other_dir, other) = crate::common::store();
    assert_ne!(other.device_id().unwrap(), device);
}

#[test]
fn where_the_credentials_stand_is_kept_and_waiting_ones_are_lost_at_start_up() {
    let (_dir, store) = store();
    assert_eq!(store.last_undostres_id(PROFILE).unwrap(), None);
    store
        .write(|w| {
            w.upsert_undostres_accounts(
                PROFILE,
                &[
                    account("999", 1, 1, KycStatus::Valid),
                    account("1004", 1, 1, KycStatus::Valid),
                    account("1005", 1, 1, KycStatus::Valid),
                ],
                T0,
            )
        })
        .unwrap();
    assert_eq!(
        store.last_undostres_id(PROFILE).unwrap(),
        Some(1005),
        "compared as numbers, not text"
    );
    let secrets = |id: &str| {
        store
            .undostres_account(PROFILE, id)
            .unwrap()
            .unwrap()
            .secrets
    };
    assert_eq!(secrets("1004"), None, "not created here");
    store
        .write(|w| {
            w.set_undostres_secrets(PROFILE, "1004", UndostresSecrets::Stored)?;
            w.set_undostres_secrets(PROFILE, "1005", UndostresSecrets::Waiting)
        })
        .unwrap();
    assert_eq!(
        store.write(|w| w.lose_waiting_undostres_secrets()).unwrap(),
        1
    );
    assert_eq!(secrets("1004"), Some(UndostresSecrets::Stored));
    assert_eq!(secrets("1005"), Some(UndostresSecrets::Lost));
    let missing = store
        .write(|w| w.set_undostres_secrets(PROFILE, "404", UndostresSecrets::Lost))
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(_)), "{missing:?}");
}
