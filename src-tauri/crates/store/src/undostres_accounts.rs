//! UnDosTres accounts: the customer row every provider shares (listed, searched, its level and
//! status changes kept in `kyc_history`), plus what only an UnDosTres account has (migration
//! 0009). Also the installation's `device_id`, which UnDosTres ties the customers' tokens to.

use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::customers::{COLUMNS, Customer, KycSource, Provider, from_row};
use crate::error::{Result, StoreError};
use crate::text_enum::text_enum;
use crate::{Store, UnixSeconds, Writer};

text_enum! {
    /// Where a customer's UnDosTres credentials stand (never the credentials): in the OS
    /// keyring; waiting in the app's memory because the keyring refused them; or lost (they
    /// never reached the vault). `None` on an account for one this installation did not create.
    pub enum UndostresSecrets {
        Stored = "stored",
        Waiting = "waiting",
        Lost = "lost",
    }
}

/// An UnDosTres account as cached: its customer row and the fields only UnDosTres has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UndostresAccount {
    /// `provider` is [`Provider::Undostres`]; `kyc_level` the account level; `kyc_status` the
    /// account status as the service maps it.
    pub customer: Customer,
    /// UnDosTres' number (1 "Active").
    #[specta(type = specta_typescript::Number)]
    pub account_status: i64,
    pub mobile: String,
    pub curp: String,
    /// Known from the create answer; kept when a later read does not say.
    #[specta(type = Option<specta_typescript::Number>)]
    pub ewallet_id: Option<i64>,
    pub parent_balance_id: Option<String>,
}

/// The composite balance parent as last read, amounts in centavos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ParentBalanceRead {
    #[specta(type = specta_typescript::Number)]
    pub credit_line: i64,
    #[specta(type = specta_typescript::Number)]
    pub credit_limit: i64,
    #[specta(type = specta_typescript::Number)]
    pub available_credit: i64,
    pub next_billing_date: String,
    pub next_due_date: String,
    #[specta(type = specta_typescript::Number)]
    pub read_at: UnixSeconds,
}

/// An account with its balance, when one was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UndostresAccountView {
    pub account: UndostresAccount,
    pub balance: Option<ParentBalanceRead>,
    /// Where the customer's credentials stand, for an account created here.
    pub secrets: Option<UndostresSecrets>,
}

const DETAIL_COLUMNS: &str = "u.account_status, u.mobile, u.curp, u.ewallet_id, \
                              u.parent_balance_id, u.credit_line, u.credit_limit, \
                              u.available_credit, u.next_billing_date, u.next_due_date, \
                              u.balance_read_at, u.secrets";
/// Where [`DETAIL_COLUMNS`] start in a row (after the customer's columns).
const DETAIL_AT: usize = 17;

fn view_from_row(row: &Row<'_>) -> rusqlite::Result<UndostresAccountView> {
    let at = |i: usize| DETAIL_AT + i;
    let read_at: Option<UnixSeconds> = row.get(at(10))?;
    let balance = match read_at {
        Some(read_at) => Some(ParentBalanceRead {
            credit_line: row.get(at(5))?,
            credit_limit: row.get(at(6))?,
            available_credit: row.get(at(7))?,
            next_billing_date: row.get(at(8))?,
            next_due_date: row.get(at(9))?,
            read_at,
        }),
        None => None,
    };
    Ok(UndostresAccountView {
        account: UndostresAccount {
            customer: from_row(row)?,
            account_status: row.get(at(0))?,
            mobile: row.get(at(1))?,
            curp: row.get(at(2))?,
            ewallet_id: row.get(at(3))?,
            parent_balance_id: row.get(at(4))?,
        },
        balance,
        secrets: row.get(at(11))?,
    })
}

impl Writer<'_> {
    /// Upserts the accounts' customer rows (history of level and status changes included, see
    /// [`Writer::upsert_customers`]) and their UnDosTres fields, in this transaction. Returns how
    /// many customer rows were new or changed.
    pub fn upsert_undostres_accounts(
        &mut self,
        profile_id: &str,
        accounts: &[UndostresAccount],
        synced_at: UnixSeconds,
    ) -> Result<usize> {
        self.upsert_undostres_accounts_seen(profile_id, accounts, synced_at, KycSource::Sync)
    }

    /// [`Self::upsert_undostres_accounts`] for accounts seen some other way (a create's answer).
    pub fn upsert_undostres_accounts_seen(
        &mut self,
        profile_id: &str,
        accounts: &[UndostresAccount],
        synced_at: UnixSeconds,
        source: KycSource,
    ) -> Result<usize> {
        if accounts
            .iter()
            .any(|a| a.customer.provider != Provider::Undostres)
        {
            return Err(StoreError::Invalid(
                "an UnDosTres account of another provider",
            ));
        }
        let customers: Vec<Customer> = accounts.iter().map(|a| a.customer.clone()).collect();
        let written = self.upsert_customers_seen(profile_id, &customers, synced_at, source)?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO undostres_accounts (customer_rowid, account_status, mobile, curp, \
                 ewallet_id, parent_balance_id) \
             SELECT rowid, ?3, ?4, ?5, ?6, ?7 FROM customers \
             WHERE profile_id = ?1 AND provider = 'undostres' AND id = ?2 \
             ON CONFLICT (customer_rowid) DO UPDATE SET \
                 account_status = excluded.account_status, mobile = excluded.mobile, \
                 curp = excluded.curp, \
                 ewallet_id = coalesce(excluded.ewallet_id, ewallet_id), \
                 parent_balance_id = coalesce(excluded.parent_balance_id, parent_balance_id)",
        )?;
        for account in accounts {
            stmt.execute(params![
                profile_id,
                account.customer.id,
                account.account_status,
                account.mobile,
                account.curp,
                account.ewallet_id,
                account.parent_balance_id,
            ])?;
        }
        Ok(written)
    }

    /// Records what the composite balance parent of an account said.
    pub fn record_parent_balance(
        &mut self,
        profile_id: &str,
        customer_id: &str,
        balance: &ParentBalanceRead,
    ) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE undostres_accounts SET credit_line = ?3, credit_limit = ?4, \
                 available_credit = ?5, next_billing_date = ?6, next_due_date = ?7, \
                 balance_read_at = ?8 \
             WHERE customer_rowid = (SELECT rowid FROM customers \
                 WHERE profile_id = ?1 AND provider = 'undostres' AND id = ?2)",
            params![
                profile_id,
                customer_id,
                balance.credit_line,
                balance.credit_limit,
                balance.available_credit,
                balance.next_billing_date,
                balance.next_due_date,
                balance.read_at,
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound("undostres account"));
        }
        Ok(())
    }

    /// Records where an account's credentials stand.
    pub fn set_undostres_secrets(
        &mut self,
        profile_id: &str,
        customer_id: &str,
        secrets: UndostresSecrets,
    ) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE undostres_accounts SET secrets = ?3 \
             WHERE customer_rowid = (SELECT rowid FROM customers \
                 WHERE profile_id = ?1 AND provider = 'undostres' AND id = ?2)",
            params![profile_id, customer_id, secrets],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound("undostres account"));
        }
        Ok(())
    }

    /// Credentials that waited in memory are gone once the process that held them is: at
    /// start-up every `waiting` becomes `lost`. Returns how many did.
    pub fn lose_waiting_undostres_secrets(&mut self) -> Result<usize> {
        Ok(self.tx.execute(
            "UPDATE undostres_accounts SET secrets = 'lost' WHERE secrets = 'waiting'",
            [],
        )?)
    }

    /// This installation's `device_id`, made on first use (random, `mostrador-` + 32 hex) and
    /// the same ever after.
    pub fn device_id(&mut self) -> Result<String> {
        self.tx.execute(
            "INSERT OR IGNORE INTO installation (id, device_id) \
             VALUES (1, 'mostrador-' || lower(hex(randomblob(16))))",
            [],
        )?;
        Ok(self
            .tx
            .query_row("SELECT device_id FROM installation WHERE id = 1", [], |r| {
                r.get(0)
            })?)
    }
}

impl Store {
    /// One cached UnDosTres account with its last balance read, `None` when not cached.
    pub fn undostres_account(
        &self,
        profile_id: &str,
        customer_id: &str,
    ) -> Result<Option<UndostresAccountView>> {
        let sql = format!(
            "SELECT {COLUMNS}, {DETAIL_COLUMNS} FROM customers t \
             JOIN undostres_accounts u ON u.customer_rowid = t.rowid \
             WHERE t.profile_id = ?1 AND t.provider = 'undostres' AND t.id = ?2"
        );
        Ok(self
            .read_conn()
            .prepare_cached(&sql)?
            .query_row(params![profile_id, customer_id], view_from_row)
            .optional()?)
    }

    /// The highest UnDosTres customer id cached in the profile (ids are numbers kept as text).
    pub fn last_undostres_id(&self, profile_id: &str) -> Result<Option<i64>> {
        Ok(self.read_conn().query_row(
            "SELECT max(CAST(id AS INTEGER)) FROM customers \
             WHERE profile_id = ?1 AND provider = 'undostres'",
            params![profile_id],
            |row| row.get(0),
        )?)
    }

    /// This installation's `device_id` (see [`Writer::device_id`]).
    pub fn device_id(&self) -> Result<String> {
        self.write(|w| w.device_id())
    }
}
