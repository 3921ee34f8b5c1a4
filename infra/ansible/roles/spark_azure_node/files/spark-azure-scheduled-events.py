#!/usr/bin/env python3
"""Decommissions the Spark worker before Azure removes this VM, then lets Azure go ahead.

A scale set with termination notifications posts a Terminate (or Preempt) scheduled event for the instance
being scaled in. This handler polls the Instance Metadata Service, and for an event that concerns this VM:
sends SIGPWR to the Spark worker (Spark decommissions: executors move shuffle and cached blocks away),
waits for the worker to stop (or the timeout), then approves the event so that deletion starts at once.
"""
import argparse
import json
import subprocess
import sys
import time
import urllib.request

EVENTS_PATH = "/metadata/scheduledevents?api-version=2020-07-01"
INSTANCE_PATH = "/metadata/instance/compute/name?api-version=2021-02-01&format=text"
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


def decommission(unit, timeout_s):
    subprocess.run(["systemctl", "kill", "--signal=SIGPWR", unit], check=False)
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        state = subprocess.run(["systemctl", "is-active", unit], capture_output=True, text=True, check=False).stdout.strip()
        if state != "active":
            return
        time.sleep(5)
    subprocess.run(["systemctl", "stop", unit], check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--imds", default="http://169.254.169.254")
    parser.add_argument("--unit", default="spark-azure-worker")
    parser.add_argument("--decommission-timeout", type=int, default=480)
    parser.add_argument("--interval", type=int, default=10)
    parser.add_argument("--once", action="store_true", help="handle the events present now, then exit")
    arguments = parser.parse_args()
    instance = imds(arguments.imds, INSTANCE_PATH).strip()
    handled = set()
    while True:
        try:
            document = json.loads(imds(arguments.imds, EVENTS_PATH))
            for event in events_for(document, instance):
                if event["EventId"] in handled:
                    continue
                print(f"{event['EventType']} scheduled for {instance}: decommissioning {arguments.unit}", flush=True)
                decommission(arguments.unit, arguments.decommission_timeout)
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
