//! Runs one double's router on a loopback port, provider-agnostic: applies the fault middleware,
//! mounts the admin routes, and closes/reopens the listener for simulated outages.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, on};
use mostrador_providers::{Endpoint, HttpMethod};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::faults::{FaultController, inject_faults};

/// A running server. Dropping it stops it.
pub(crate) struct ServerHandle {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl ServerHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and waits briefly for in-flight answers (a hanging fault is cut short).
    pub async fn shutdown(mut self) {
        self.stop.send_replace(true);
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(Duration::from_secs(2), &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.stop.send_replace(true);
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Binds `bind` (port 0 picks a free one) and serves `provider_routes` behind the fault layer,
/// plus `admin_routes` (never faulted) on the same port.
pub(crate) async fn spawn(
    bind: SocketAddr,
    provider_routes: Router,
    admin_routes: Router,
    faults: FaultController,
) -> std::io::Result<ServerHandle> {
    let listener = TcpListener::bind(bind).await?;
    let addr = listener.local_addr()?;
    let app = provider_routes
        .layer(axum::middleware::from_fn_with_state(
            faults.clone(),
            inject_faults,
        ))
        .merge(admin_routes);
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(serve_until_stopped(listener, addr, app, faults, stopped));
    tracing::info!(%addr, "sandbox listening");
    Ok(ServerHandle {
        addr,
        stop,
        task: Some(task),
    })
}

async fn serve_until_stopped(
    listener: TcpListener,
    addr: SocketAddr,
    app: Router,
    faults: FaultController,
    mut stopped: watch::Receiver<bool>,
) {
    let mut listener = Some(listener);
    let mut outage = faults.outage();
    loop {
        let current = match listener.take() {
            Some(listener) => listener,
            None => match TcpListener::bind(addr).await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%addr, %error, "sandbox could not reopen its port; retrying");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        faults.report_listening(true);
        let (mut stop_signal, mut outage_signal) = (stopped.clone(), outage.clone());
        let closing = async move {
            tokio::select! {
                _ = stop_signal.wait_for(|stop| *stop) => {}
                _ = outage_signal.wait_for(|down| *down) => {}
            }
        };
        if let Err(error) = axum::serve(current, app.clone())
            .with_graceful_shutdown(closing)
            .await
        {
            tracing::warn!(%addr, %error, "sandbox server error");
        }
        faults.report_listening(false);
        if *stopped.borrow() {
            return;
        }
        tracing::info!(%addr, "sandbox outage: listener closed");
        tokio::select! {
            _ = stopped.wait_for(|stop| *stop) => return,
            _ = outage.wait_for(|down| !*down) => tracing::info!(%addr, "sandbox outage over: reopening"),
        }
    }
}

/// Mounts handlers at the rows of a provider's endpoint table (the providers crate's: one source
/// of methods and paths for client and double).
pub(crate) trait EndpointRoutes<S> {
    fn endpoint<H, T>(self, endpoint: &Endpoint, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static;
}

impl<S: Clone + Send + Sync + 'static> EndpointRoutes<S> for Router<S> {
    fn endpoint<H, T>(self, endpoint: &Endpoint, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        let filter = match endpoint.method {
            HttpMethod::Get => MethodFilter::GET,
            HttpMethod::Post => MethodFilter::POST,
            HttpMethod::Put => MethodFilter::PUT,
            HttpMethod::Delete => MethodFilter::DELETE,
        };
        self.route(endpoint.path, on(filter, handler))
    }
}
