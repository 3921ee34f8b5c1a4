#!/usr/bin/env python3
"""Decommissions a Spark worker and waits until its executors have left: every way a worker leaves goes here.

systemd runs it as the worker's ExecStop= (a stop, a restart in a rolling update, a reboot), the local
cluster's supervisor before it stops a worker, and the scale-in handler on a Terminate scheduled event.
SIGPWR makes Spark decommission the worker: the master gives it no more executors and tells each driver;
an application with spark.decommission.enabled lets its running tasks finish, moves its blocks away and
exits its executors there. Once none is left (or the timeout passed) the worker may go.
"""
import argparse
import json
import os
import signal
import subprocess
import time
import urllib.request


def running_executors(worker_url):
    """Executors the worker runs now (its web UI's /json/); None when it does not answer (it is gone)."""
    try:
        with urllib.request.urlopen(f"{worker_url}/json/", timeout=5) as response:
            return len(json.loads(response.read().decode("utf-8")).get("executors", []))
    except (OSError, ValueError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pid", type=int, help="the worker JVM's pid")
    parser.add_argument("--unit", default="spark-azure-worker", help="without --pid: the systemd unit whose main process gets SIGPWR")
    parser.add_argument("--worker-url", required=True, help="the worker's web UI, to see its executors drain")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--interval", type=float, default=0.5)
    arguments = parser.parse_args()
    started = time.time()
    if running_executors(arguments.worker_url) is None:
        print("decommission: the worker does not answer; nothing to drain", flush=True)
        return
    try:
        if arguments.pid:
            os.kill(arguments.pid, signal.SIGPWR)
        else:
            subprocess.run(["systemctl", "kill", "--signal=SIGPWR", "--kill-whom=main", arguments.unit], check=False)
    except ProcessLookupError:
        print("decommission: the worker is gone", flush=True)
        return
    while time.time() < started + arguments.timeout:
        executors = running_executors(arguments.worker_url)
        if not executors:
            left = "no executor left" if executors == 0 else "the worker is gone"
            print(f"decommissioned: {left} after {time.time() - started:.1f} s", flush=True)
            return
        time.sleep(arguments.interval)
    print(f"executors still running after {arguments.timeout:.0f} s: the worker goes anyway", flush=True)


if __name__ == "__main__":
    main()
