//! A double's state as one JSON file in a directory the caller owns (the app's data directory),
//! written atomically so a crash never leaves half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::SandboxError;

pub(crate) struct StateFile {
    path: PathBuf,
}

impl StateFile {
    pub fn new(dir: &Path, file_name: &str) -> Self {
        Self {
            path: dir.join(file_name),
        }
    }

    /// The saved state, or `None` when there is none yet.
    pub fn load<T: DeserializeOwned>(&self) -> Result<Option<T>, SandboxError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes)
                    .map(Some)
                    .map_err(|e| SandboxError::CorruptState {
                        path: self.path.clone(),
                        detail: e.to_string(),
                    })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(SandboxError::Io {
                path: self.path.clone(),
                source: e,
            }),
        }
    }

    pub fn save<T: Serialize>(&self, state: &T) -> Result<(), SandboxError> {
        let io = |source| SandboxError::Io {
            path: self.path.clone(),
            source,
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let bytes = serde_json::to_vec_pretty(state).map_err(|e| SandboxError::CorruptState {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        file.write_all(&bytes).map_err(io)?;
        file.persist(&self.path).map_err(|e| io(e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_and_reports_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let file = StateFile::new(dir.path(), "state.json");
        assert_eq!(file.load::<Vec<u32>>().unwrap(), None);
        file.save(&vec![1u32, 2]).unwrap();
        assert_eq!(file.load::<Vec<u32>>().unwrap(), Some(vec![1, 2]));
        std::fs::write(dir.path().join("state.json"), b"{not json").unwrap();
        assert!(matches!(
            file.load::<Vec<u32>>(),
            Err(SandboxError::CorruptState { .. })
        ));
    }
}
