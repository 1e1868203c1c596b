//! Local doubles of the provider APIs, faithful to `shared/providers` and strict where the real
//! APIs are: in-process for tests, embedded by the app for the Sandbox profile, or standalone
//! (`mostrador-sandbox --port N [--cryptopocket-port M] [--undostres-port U] [--data-dir D]`). Fault injection, state files and the server
//! are shared by every double (`double.rs`); each provider plugs in its state and routes.

pub mod billpocket;
pub mod cryptopocket;
mod double;
pub mod faults;
mod json_body;
mod persist;
mod rng;
mod server;
pub mod undostres;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

pub use billpocket::BillpocketSandbox;
pub use cryptopocket::CryptoPocketSandbox;
pub use double::{Double, DoubleState, Sandbox};
pub use faults::{
    DropMode, FaultAction, FaultController, FaultPlan, FaultRule, InFlight, Outage, Scope,
    SeenRequest, Trigger,
};
pub use undostres::UnDosTresSandbox;

/// Where a double listens and keeps its state.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Defaults to 127.0.0.1 port 0 (a free port; read it back from the running double).
    pub bind: SocketAddr,
    /// Directory for the state file (the app's data directory); `None` keeps state in memory.
    pub data_dir: Option<PathBuf>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            data_dir: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("sandbox state file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("sandbox state file {} is not readable: {detail}", path.display())]
    CorruptState { path: PathBuf, detail: String },
    /// A change asked of a double's data that its rules refuse (an account level out of range).
    #[error("the sandbox refused the change: {reason}")]
    Refused { reason: &'static str },
}

impl mostrador_codes::Coded for SandboxError {
    fn code(&self) -> mostrador_codes::ErrorCode {
        use mostrador_codes::ErrorCode;
        match self {
            Self::Bind { .. } => ErrorCode::SandboxBind,
            Self::Io { .. } => ErrorCode::SandboxIo,
            Self::CorruptState { .. } => ErrorCode::SandboxCorruptState,
            Self::Refused { .. } => ErrorCode::SandboxRefused,
        }
    }
}
