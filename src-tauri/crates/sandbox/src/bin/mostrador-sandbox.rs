//! Standalone provider doubles for manual use:
//! `mostrador-sandbox [--port N] [--cryptopocket-port M] [--undostres-port U] [--data-dir D]`.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use mostrador_sandbox::{BillpocketSandbox, CryptoPocketSandbox, SandboxConfig, UnDosTresSandbox};

const USAGE: &str = "usage: mostrador-sandbox [--port N] [--cryptopocket-port M] [--undostres-port U] [--data-dir DIR]\n\
    Serves the Billpocket double on 127.0.0.1:N, the CryptoPocket double on 127.0.0.1:M and the\n\
    UnDosTres double on 127.0.0.1:U (default: free ports). On each: POST /__sandbox/faults (a\n\
    FaultPlan as JSON), DELETE to clear; POST /__sandbox/reset. Their own admin routes:\n\
    /__sandbox/cryptopocket/... and /__sandbox/undostres/accounts/{id}";

/// Where each double listens (same data directory, one state file each).
struct Config {
    billpocket: SandboxConfig,
    cryptopocket: SandboxConfig,
    undostres: SandboxConfig,
}

/// 127.0.0.1 on the port an option names.
fn loopback(option: &str, port: &str) -> Result<SocketAddr, String> {
    let port = port.parse::<u16>().map_err(|e| format!("{option}: {e}"))?;
    Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
}

fn parse_args() -> Result<Config, String> {
    let mut config = SandboxConfig::default();
    let mut cryptopocket_bind = SandboxConfig::default().bind;
    let mut undostres_bind = SandboxConfig::default().bind;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => config.bind = loopback(&arg, &value()?)?,
            "--cryptopocket-port" => cryptopocket_bind = loopback(&arg, &value()?)?,
            "--undostres-port" => undostres_bind = loopback(&arg, &value()?)?,
            "--data-dir" => config.data_dir = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let cryptopocket = SandboxConfig {
        bind: cryptopocket_bind,
        ..config.clone()
    };
    let undostres = SandboxConfig {
        bind: undostres_bind,
        ..config.clone()
    };
    Ok(Config {
        billpocket: config,
        cryptopocket,
        undostres,
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
    let started = async {
        let billpocket = BillpocketSandbox::start(config.billpocket).await?;
        let cryptopocket = CryptoPocketSandbox::start(config.cryptopocket).await?;
        let undostres = UnDosTresSandbox::start(config.undostres).await?;
        Ok::<_, mostrador_sandbox::SandboxError>((billpocket, cryptopocket, undostres))
    };
    let (billpocket, cryptopocket, undostres) = match started.await {
        Ok(all) => all,
        Err(error) => {
            eprintln!("mostrador-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("billpocket sandbox: {}", billpocket.base_url());
    println!("cryptopocket sandbox: {}", cryptopocket.base_url());
    println!("undostres sandbox: {}", undostres.base_url());
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("mostrador-sandbox: {error}");
    }
    billpocket.shutdown().await;
    cryptopocket.shutdown().await;
    undostres.shutdown().await;
    ExitCode::SUCCESS
}
