//! Standalone provider doubles for manual use: `mostrador-sandbox --port N [--data-dir D]`.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use mostrador_sandbox::{BillpocketSandbox, SandboxConfig};

const USAGE: &str = "usage: mostrador-sandbox [--port N] [--data-dir DIR]\n\
    Serves the Billpocket double on 127.0.0.1:N (default: a free port).\n\
    Faults: POST /__sandbox/faults (a FaultPlan as JSON), DELETE to clear; POST /__sandbox/reset.";

fn parse_args() -> Result<SandboxConfig, String> {
    let mut config = SandboxConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => {
                let port = value()?
                    .parse::<u16>()
                    .map_err(|e| format!("--port: {e}"))?;
                config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            }
            "--data-dir" => config.data_dir = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(config)
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
    let sandbox = match BillpocketSandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("mostrador-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("billpocket sandbox: {}", sandbox.base_url());
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("mostrador-sandbox: {error}");
    }
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}
