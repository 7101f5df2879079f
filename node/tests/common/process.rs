//! A `govchain-node` process started for one test: its own base path and free ports, stopped
//! and removed when the test ends, however it ends. Shared by the node's tests (`mod.rs`) and
//! by other crates' tests that run the node binary (`clients/rust/tests`).

#![allow(dead_code)]

use std::{
    net::TcpListener,
    path::PathBuf,
    process::{Child, Command, Stdio},
};

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("the loopback interface has a free port")
}

/// A running node. Dropping it kills the process and removes its directory.
pub struct Node {
    child: Child,
    base_path: PathBuf,
    pub rpc_port: u16,
    pub prometheus_port: u16,
}

impl Node {
    /// Starts the node binary at `binary` with `args` plus a private base path and free ports.
    pub fn start_binary(binary: &str, args: &[&str]) -> Node {
        let base_path = std::env::temp_dir().join(format!(
            "govchain-test-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&base_path).expect("the temp dir is writable");
        let rpc_port = free_port();
        let prometheus_port = free_port();
        let p2p_port = free_port();
        let log = std::fs::File::create(base_path.join("node.log")).expect("log file");
        let child = Command::new(binary)
            .args(args)
            .arg("--base-path")
            .arg(&base_path)
            .args(["--rpc-port", &rpc_port.to_string()])
            .args(["--prometheus-port", &prometheus_port.to_string()])
            .args(["--port", &p2p_port.to_string()])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("govchain-node starts");
        Node {
            child,
            base_path,
            rpc_port,
            prometheus_port,
        }
    }

    /// The node's log so far, for failure messages.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.base_path.join("node.log")).unwrap_or_default()
    }
}

impl Node {
    /// The node's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A path for a file of this test in the node's (private, removed) directory.
    pub fn file(&self, name: &str) -> PathBuf {
        self.base_path.join(name)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.base_path);
    }
}
