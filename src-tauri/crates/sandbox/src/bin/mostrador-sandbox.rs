//! Standalone provider doubles for manual use:
//! `mostrador-sandbox [--port N] [--cryptopocket-port M] [--data-dir D]`.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use mostrador_sandbox::{BillpocketSandbox, CryptoPocketSandbox, SandboxConfig};

const USAGE: &str = "usage: mostrador-sandbox [--port N] [--cryptopocket-port M] [--data-dir DIR]\n\
    Serves the Billpocket double on 127.0.0.1:N and the CryptoPocket double on 127.0.0.1:M\n\
    (default: free ports). On each: POST /__sandbox/faults (a FaultPlan as JSON), DELETE to\n\
    clear; POST /__sandbox/reset. CryptoPocket's own admin routes: /__sandbox/cryptopocket/...";

/// Where each double listens (same data directory, one state file each).
struct Config {
    billpocket: SandboxConfig,
    cryptopocket: SandboxConfig,
}

/// 127.0.0.1 on the port an option names.
fn loopback(option: &str, port: &str) -> Result<SocketAddr, String> {
    let port = port.parse::<u16>().map_err(|e| format!("{option}: {e}"))?;
    Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
}

fn parse_args() -> Result<Config, String> {
    let mut config = SandboxConfig::default();
    let mut cryptopocket_bind = SandboxConfig::default().bind;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => config.bind = loopback(&arg, &value()?)?,
            "--cryptopocket-port" => cryptopocket_bind = loopback(&arg, &value()?)?,
            "--data-dir" => config.data_dir = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let cryptopocket = SandboxConfig {
        bind: cryptopocket_bind,
        ..config.clone()
    };
    Ok(Config {
        billpocket: config,
        cryptopocket,
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let config = match parse_args() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let started = match BillpocketSandbox::start(config.billpocket).await {
        Ok(billpocket) => CryptoPocketSandbox::start(config.cryptopocket)
            .await
            .map(|cryptopocket| (billpocket, cryptopocket)),
        Err(error) => Err(error),
    };
    let (billpocket, cryptopocket) = match started {
        Ok(both) => both,
        Err(error) => {
            eprintln!("mostrador-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("billpocket sandbox: {}", billpocket.base_url());
    println!("cryptopocket sandbox: {}", cryptopocket.base_url());
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("mostrador-sandbox: {error}");
    }
    billpocket.shutdown().await;
    cryptopocket.shutdown().await;
    ExitCode::SUCCESS
}
