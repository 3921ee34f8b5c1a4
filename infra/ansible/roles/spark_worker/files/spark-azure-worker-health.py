#!/usr/bin/env python3
"""Answers the scale set's Application Health extension: is this instance's Spark worker doing its job?

Healthy means registered and ALIVE at the ALIVE master, which is what the cluster needs of a worker (a
running JVM that no master knows is useless). The extension asks every few seconds; an instance that stays
Unhealthy past the repair grace period is replaced by automatic instance repairs. While the cluster has no
single ALIVE master (a failover, a split) no worker can be judged, and replacing workers would not help:
the answer is then Healthy, and the cluster's own alerts (SparkNoAliveMaster) cover it.

The body is the extension's rich health state; the status code (200 or 503) serves binary health states.
"""
import argparse
import json
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def master_state(url, timeout):
    try:
        with urllib.request.urlopen(f"{url}/json/", timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError):
        return None


def assess(states, worker_host):
    """(state, reason) from the masters' /json/ answers (None: no answer). Pure: the tests call it."""
    alive = [state for state in states if state and state.get("status") == "ALIVE"]
    if len(alive) != 1:
        return "Healthy", f"{len(alive)} ALIVE masters: the worker cannot be judged until one leads"
    for worker in alive[0].get("workers", []):
        if worker.get("host") == worker_host and worker.get("state") == "ALIVE":
            return "Healthy", f"registered ALIVE at {alive[0].get('url')}"
    return "Unhealthy", f"not registered ALIVE at the ALIVE master {alive[0].get('url')}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bind", default="127.0.0.1", help="the extension probes from the instance itself")
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--path", default="/health")
    parser.add_argument("--worker-host", required=True, help="the address the worker registers with")
    parser.add_argument("--masters", required=True, help="comma-separated master web UIs, http://host:8080")
    parser.add_argument("--timeout", type=float, default=2.0)
    arguments = parser.parse_args()
    masters = [url.strip().rstrip("/") for url in arguments.masters.split(",") if url.strip()]

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path.split("?")[0] != arguments.path:
                self.send_error(404)
                return
            state, reason = assess([master_state(url, arguments.timeout) for url in masters], arguments.worker_host)
            body = json.dumps({"ApplicationHealthState": state, "reason": reason}).encode("utf-8")
            self.send_response(200 if state == "Healthy" else 503)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    ThreadingHTTPServer((arguments.bind, arguments.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
