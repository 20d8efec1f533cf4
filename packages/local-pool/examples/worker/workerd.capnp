# workerd's config for the bundled Worker (worker.js, next to this file): one HTTP socket on loopback, the module,
# a compatibility date and NO compatibility flags (no nodejs_compat: Buffer, process and node:* do not exist).
# Run: workerd serve workerd.capnp   (or --socket-addr http=127.0.0.1:PORT for another port)
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "local-pool", worker = .localPool) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "local-pool") ],
);

const localPool :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-01-01",
);
