#!/usr/bin/env python3
"""Decommissions the Spark worker before Azure removes this VM, then lets Azure go ahead.

A scale set with termination notifications posts a Terminate (or Preempt) scheduled event for the instance
being scaled in. This handler polls the Instance Metadata Service, and for an event that concerns this VM:
decommissions the Spark worker with the spark_worker role's program (SIGPWR: the master stops giving it
executors, and its executors finish their tasks, move shuffle and cached blocks away and exit), waits until
no executor runs on the worker (or the timeout), then approves the event so that deletion starts at once.
"""
import argparse
import json
import subprocess
import sys
import time
import urllib.request

EVENTS_PATH = "/metadata/scheduledevents?api-version=2020-07-01"
INSTANCE_PATH = "/metadata/instance/compute/name?api-version=2021-02-01&format=text"
ADDRESS_PATH = "/metadata/instance/network/interface/0/ipv4/ipAddress/0/privateIpAddress?api-version=2021-02-01&format=text"
REMOVAL_EVENTS = {"Terminate", "Preempt"}


def imds(base, path, body=None):
    request = urllib.request.Request(base + path, headers={"Metadata": "true"}, data=body)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode("utf-8")


def events_for(document, instance):
    """Removal events that name this instance (pure: the tests call it)."""
    return [
        event
        for event in document.get("Events", [])
        if event.get("EventType") in REMOVAL_EVENTS and instance in event.get("Resources", [])
    ]


def decommission(arguments):
    command = [sys.executable, arguments.decommission_program, "--worker-url", arguments.worker_url, "--timeout", str(arguments.decommission_timeout), "--interval", str(arguments.drain_interval)]
    command += ["--pid", str(arguments.pid)] if arguments.pid else ["--unit", arguments.unit]
    subprocess.run(command, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--imds", default="http://169.254.169.254")
    parser.add_argument("--unit", default="spark-azure-worker", help="the worker's systemd unit (its main process gets SIGPWR)")
    parser.add_argument("--pid", type=int, help="the worker JVM's pid, instead of the unit (a worker not run by systemd)")
    parser.add_argument("--worker-url", help="the worker's web UI, to see its executors drain (default: this VM's private address, port 8081)")
    parser.add_argument("--decommission-timeout", type=int, default=480)
    parser.add_argument("--decommission-program", default="/opt/spark-azure/bin/spark-azure-decommission-worker", help="the spark_worker role's decommission program")
    parser.add_argument("--drain-interval", type=float, default=2)
    parser.add_argument("--interval", type=int, default=10)
    parser.add_argument("--once", action="store_true", help="handle the events present now, then exit")
    arguments = parser.parse_args()
    instance = imds(arguments.imds, INSTANCE_PATH).strip()
    if not arguments.worker_url:
        arguments.worker_url = f"http://{imds(arguments.imds, ADDRESS_PATH).strip()}:8081"
    handled = set()
    while True:
        try:
            document = json.loads(imds(arguments.imds, EVENTS_PATH))
            for event in events_for(document, instance):
                if event["EventId"] in handled:
                    continue
                print(f"{event['EventType']} scheduled for {instance}: decommissioning the Spark worker", flush=True)
                decommission(arguments)
                body = json.dumps({"StartRequests": [{"EventId": event["EventId"]}]}).encode("utf-8")
                imds(arguments.imds, EVENTS_PATH, body)
                handled.add(event["EventId"])
                print(f"approved {event['EventId']}", flush=True)
        except (OSError, ValueError) as error:
            print(f"scheduled events: {error}", file=sys.stderr, flush=True)
        if arguments.once:
            return
        time.sleep(arguments.interval)


if __name__ == "__main__":
    main()
