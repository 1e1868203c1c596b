//! User preferences that must survive restarts (today: the UI language). Stored as a small JSON
//! file in the OS config directory, written atomically (temp file + rename) so a crash mid-write
//! leaves the previous file intact.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use mostrador_codes::{Coded, ErrorCode};
use serde::{Deserialize, Serialize};
use specta::Type;

const FILE_NAME: &str = "preferences.json";

/// UI languages. Spanish (Mexico) is the default for a fresh install.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum Locale {
    #[default]
    #[serde(rename = "es-MX")]
    EsMx,
    #[serde(rename = "en")]
    En,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Preferences {
    pub locale: Locale,
    /// The profile the user switched to; `None` means the built-in Sandbox profile.
    pub active_profile_id: Option<String>,
    pub kyc: KycPreferences,
}

/// How the agent follows KYC cases (Ajustes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct KycPreferences {
    /// A pending case older than this many days is past its target (marked, notified once).
    pub target_days: u32,
    /// Desktop notifications when a case settles or passes the target age.
    pub notifications: bool,
}

/// The target age's allowed range, in days.
pub const KYC_TARGET_DAYS: std::ops::RangeInclusive<u32> = 1..=90;

impl Default for KycPreferences {
    fn default() -> Self {
        Self {
            target_days: 2,
            notifications: true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PreferencesError {
    #[error("could not write preferences to {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("a KYC target of {0} days is outside 1–90")]
    KycTargetDays(u32),
}

impl Coded for PreferencesError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Write { .. } => ErrorCode::PreferencesWrite,
            Self::KycTargetDays(_) => ErrorCode::PreferencesKycTargetDays,
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::KycTargetDays(_) => Some("targetDays"),
            Self::Write { .. } => None,
        }
    }
}

/// Preferences persisted in one directory.
#[derive(Debug, Clone)]
pub struct PreferencesFile {
    path: PathBuf,
}

impl PreferencesFile {
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(FILE_NAME),
        }
    }

    /// The saved preferences; defaults when none were saved. An unreadable or corrupt file is
    /// logged and treated as absent: a lost language choice must never stop the app from opening.
    pub fn load(&self) -> Preferences {
        match fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                tracing::warn!(path = %self.path.display(), %error, "ignoring corrupt preferences");
                Preferences::default()
            }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Preferences::default(),
            Err(error) => {
                tracing::warn!(path = %self.path.display(), %error, "ignoring unreadable preferences");
                Preferences::default()
            }
        }
    }

    pub fn save(&self, preferences: &Preferences) -> Result<(), PreferencesError> {
        self.write_atomically(preferences)
            .map_err(|source| PreferencesError::Write {
                path: self.path.clone(),
                source,
            })
    }

    /// Loads, applies `change`, saves; returns what was saved.
    pub fn update(
        &self,
        change: impl FnOnce(&mut Preferences),
    ) -> Result<Preferences, PreferencesError> {
        let mut preferences = self.load();
        change(&mut preferences);
        self.save(&preferences)?;
        Ok(preferences)
    }

    pub fn set_locale(&self, locale: Locale) -> Result<Preferences, PreferencesError> {
        self.update(|preferences| preferences.locale = locale)
    }

    /// The KYC target age (checked against [`KYC_TARGET_DAYS`]) and notifications switch.
    pub fn set_kyc(&self, kyc: KycPreferences) -> Result<Preferences, PreferencesError> {
        if !KYC_TARGET_DAYS.contains(&kyc.target_days) {
            return Err(PreferencesError::KycTargetDays(kyc.target_days));
        }
        self.update(|preferences| preferences.kyc = kyc)
    }

    /// `None` goes back to the built-in Sandbox profile.
    pub fn set_active_profile(&self, id: Option<String>) -> Result<Preferences, PreferencesError> {
        self.update(|preferences| preferences.active_profile_id = id)
    }

    fn write_atomically(&self, preferences: &Preferences) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let temp = self.path.with_extension("json.tmp");
        let mut file = fs::File::create(&temp)?;
        serde_json::to_writer_pretty(&mut file, preferences)?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        fs::rename(&temp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mostrador_codes::Coded;

    #[test]
    fn defaults_to_spanish_when_nothing_was_saved() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            PreferencesFile::in_dir(dir.path()).load().locale,
            Locale::EsMx
        );
    }

    #[test]
    fn a_saved_locale_survives_a_new_instance() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("not/yet/created");
        PreferencesFile::in_dir(&nested)
            .set_locale(Locale::En)
            .unwrap();
        assert_eq!(PreferencesFile::in_dir(&nested).load().locale, Locale::En);
        let json = fs::read_to_string(nested.join(FILE_NAME)).unwrap();
        assert!(json.contains("\"locale\": \"en\""), "{json}");
    }

    #[test]
    fn changing_one_preference_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let file = PreferencesFile::in_dir(dir.path());
        file.set_locale(Locale::En).unwrap();
        file.set_active_profile(Some("p1".into())).unwrap();
        let saved = file.load();
        assert_eq!(saved.locale, Locale::En);
        assert_eq!(saved.active_profile_id.as_deref(), Some("p1"));
    }

    #[test]
    fn kyc_preferences_default_to_two_days_with_notifications_and_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let file = PreferencesFile::in_dir(dir.path());
        assert_eq!(file.load().kyc, KycPreferences::default());
        assert_eq!(
            (file.load().kyc.target_days, file.load().kyc.notifications),
            (2, true)
        );
        let quiet = KycPreferences {
            target_days: 5,
            notifications: false,
        };
        assert_eq!(file.set_kyc(quiet).unwrap().kyc, quiet);
        let error = file
            .set_kyc(KycPreferences {
                target_days: 0,
                ..quiet
            })
            .unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            (ErrorCode::PreferencesKycTargetDays, Some("targetDays"))
        );
        assert_eq!(file.load().kyc, quiet, "a refused value is not saved");
        // A file written before these preferences existed reads them as the defaults.
        fs::write(dir.path().join(FILE_NAME), br#"{"locale":"en"}"#).unwrap();
        assert_eq!(file.load().kyc, KycPreferences::default());
    }

    #[test]
    fn a_corrupt_file_falls_back_to_defaults_and_is_replaced_on_save() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), b"{not json").unwrap();
        let file = PreferencesFile::in_dir(dir.path());
        assert_eq!(file.load(), Preferences::default());
        file.set_locale(Locale::En).unwrap();
        assert_eq!(file.load().locale, Locale::En);
    }

    #[test]
    fn an_unwritable_directory_is_a_typed_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, b"").unwrap();
        let error = PreferencesFile::in_dir(&blocker.join("sub"))
            .set_locale(Locale::En)
            .unwrap_err();
        assert_eq!(error.code(), "preferences.write");
    }
}
