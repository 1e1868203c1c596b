//! What the agent is told on the desktop, decided here so it is tested without one: a customer
//! whose verification reached `valid` or `fail`, and pending cases that passed the target age
//! (each case once; several at once in one notification). The shell shows them through
//! [`Notifier`]; nothing is shown while the preference is off.

use mostrador_store::{Customer, KycStatus, UnixSeconds};
use serde::Serialize;

use super::{DAY, display_name, pending_age};
use crate::preferences::{KycPreferences, Locale};

/// Shows a notification on the desktop (the shell's plugin; tests record them).
pub trait Notifier: Send + Sync + 'static {
    fn show(&self, notification: &Notification);
}

/// Shows nothing: the app before the shell gives it a desktop.
pub struct Silent;

impl Notifier for Silent {
    fn show(&self, _: &Notification) {}
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NotificationKind {
    Valid,
    Fail,
    Overdue,
}

/// One desktop notification, in the UI's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    /// The customers it is about (`provider/id`).
    pub customers: Vec<String>,
}

/// What decides whether and how to notify: the agent's preferences and the UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotifyPolicy {
    pub kyc: KycPreferences,
    pub locale: Locale,
}

impl NotifyPolicy {
    /// The notification for a customer whose status changed to `to`, if it settled.
    pub fn settled(&self, customer: &Customer, to: KycStatus) -> Option<Notification> {
        if !self.kyc.notifications {
            return None;
        }
        let name = display_name(customer);
        let (kind, title, body) = match (to, self.locale) {
            (KycStatus::Valid, Locale::EsMx) => (
                NotificationKind::Valid,
                "Verificación aprobada",
                format!("{name} completó su verificación."),
            ),
            (KycStatus::Valid, Locale::En) => (
                NotificationKind::Valid,
                "Verification approved",
                format!("{name} completed their verification."),
            ),
            (KycStatus::Fail, Locale::EsMx) => (
                NotificationKind::Fail,
                "Verificación rechazada",
                format!("La verificación de {name} no fue aprobada."),
            ),
            (KycStatus::Fail, Locale::En) => (
                NotificationKind::Fail,
                "Verification failed",
                format!("{name}'s verification was not approved."),
            ),
            _ => return None,
        };
        Some(Notification {
            kind,
            title: title.to_owned(),
            body,
            customers: vec![key(customer)],
        })
    }

    /// The pending cases among `customers` older than the target age at `now`.
    pub fn overdue<'a>(&self, customers: &'a [Customer], now: UnixSeconds) -> Vec<&'a Customer> {
        let target = i64::from(self.kyc.target_days) * DAY;
        customers
            .iter()
            .filter(|c| pending_age(c, now).is_some_and(|age| age > target))
            .collect()
    }

    /// One notification for the cases that just passed the target age (never notified before).
    pub fn passed_target(&self, newly_overdue: &[Customer]) -> Option<Notification> {
        if !self.kyc.notifications {
            return None;
        }
        let days = self.kyc.target_days;
        let (title, body) = match (newly_overdue, self.locale) {
            ([], _) => return None,
            ([one], Locale::EsMx) => (
                "Caso pendiente fuera de objetivo",
                format!("{} lleva más de {days} días pendiente.", display_name(one)),
            ),
            ([one], Locale::En) => (
                "Pending case past target",
                format!(
                    "{} has been pending for more than {days} days.",
                    display_name(one)
                ),
            ),
            (many, Locale::EsMx) => (
                "Casos pendientes fuera de objetivo",
                format!(
                    "{} clientes llevan más de {days} días pendientes.",
                    many.len()
                ),
            ),
            (many, Locale::En) => (
                "Pending cases past target",
                format!(
                    "{} customers have been pending for more than {days} days.",
                    many.len()
                ),
            ),
        };
        Some(Notification {
            kind: NotificationKind::Overdue,
            title: title.to_owned(),
            body,
            customers: newly_overdue.iter().map(key).collect(),
        })
    }
}

fn key(customer: &Customer) -> String {
    format!("{}/{}", customer.provider.as_str(), customer.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mostrador_store::{CustomerKind, Provider};

    fn customer(id: &str, created_at: UnixSeconds) -> Customer {
        Customer {
            provider: Provider::Cryptopocket,
            id: id.into(),
            kind: CustomerKind::Person,
            first_name: "Sofía".into(),
            last_name: "López".into(),
            second_last_name: String::new(),
            company_name: String::new(),
            email: "sofia@example.test".into(),
            id_type: "CURP".into(),
            id_number: "LOSC780715MNLPNR00".into(),
            country: "MEX".into(),
            kyc_status: KycStatus::Processing,
            kyc_level: None,
            kyc_url: None,
            created_at,
            updated_at: created_at,
            synced_at: None,
        }
    }

    fn policy(notifications: bool, locale: Locale) -> NotifyPolicy {
        NotifyPolicy {
            kyc: KycPreferences {
                target_days: 2,
                notifications,
            },
            locale,
        }
    }

    #[test]
    fn a_settled_customer_is_notified_in_the_ui_language_and_never_when_off() {
        let sofia = customer("7", 0);
        let valid = policy(true, Locale::EsMx)
            .settled(&sofia, KycStatus::Valid)
            .unwrap();
        assert_eq!(valid.kind, NotificationKind::Valid);
        assert_eq!(valid.body, "Sofía López completó su verificación.");
        assert_eq!(valid.customers, ["cryptopocket/7"]);
        let fail = policy(true, Locale::En)
            .settled(&sofia, KycStatus::Fail)
            .unwrap();
        assert_eq!(fail.title, "Verification failed");
        assert_eq!(
            policy(true, Locale::En).settled(&sofia, KycStatus::Processing),
            None
        );
        assert_eq!(
            policy(false, Locale::EsMx).settled(&sofia, KycStatus::Valid),
            None
        );
    }

    #[test]
    fn cases_past_the_target_age_are_one_notification() {
        let now = 10 * DAY;
        let cases = [
            customer("1", now - 3 * DAY),
            customer("2", now - DAY),
            customer("3", now - 2 * DAY - 1),
        ];
        let on = policy(true, Locale::EsMx);
        let overdue: Vec<Customer> = on.overdue(&cases, now).into_iter().cloned().collect();
        assert_eq!(
            overdue.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["1", "3"]
        );
        let many = on.passed_target(&overdue).unwrap();
        assert_eq!(many.body, "2 clientes llevan más de 2 días pendientes.");
        let one = policy(true, Locale::En)
            .passed_target(&overdue[..1])
            .unwrap();
        assert_eq!(
            one.body,
            "Sofía López has been pending for more than 2 days."
        );
        assert_eq!(on.passed_target(&[]), None);
        assert_eq!(policy(false, Locale::En).passed_target(&overdue), None);
    }
}
