#!/usr/bin/env python3
"""Configures this node from its custom data at every boot: the one way a spark-azure node joins its cluster.

cloud-init writes /etc/spark-azure/node.json from the VM's custom data (infra/terraform/modules/node-boot). This
program turns those facts into an Ansible inventory of the cluster, adds the role variables the cluster keeps in
its configuration store (a Key Vault secret read with the VM's managed identity), and runs the site playbook
baked into the image for this node alone. It changes what differs and restarts nothing that runs; with
systemd it waits for the node to be healthy. Run again on every boot, after a reimage or a repair, it does
the same. The local cluster runs it for its nodes with --root (each node's directory is that node's /).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

FACTS = "etc/spark-azure/node.json"
# Only where the platform gives no host name and address of its own (the local cluster's workers).
INSTANCE = "etc/spark-azure/instance.json"
# The image's own variables (the local cluster's paths); empty on a VM, where the roles' defaults fit.
IMAGE = "opt/spark-azure/image.json"
BOOTED = "var/lib/spark-azure/booted.json"
# The cluster secret as this node keeps it (root only): the spark role writes it into the daemons' properties.
CLUSTER_SECRET = "etc/spark-azure/cluster-secret"
# Who authenticates with the cluster secret: Spark's daemons, and ZooKeeper servers on their quorum links.
SECRET_ROLES = ("zookeeper", "master", "worker")
GROUPS = {"zookeeper": "zookeeper", "master": "spark_masters", "worker": "spark_workers", "monitoring": "monitoring"}
# What every node of one cluster must agree on: one inventory serves them all.
CLUSTER_FACTS = ("cluster", "zookeepers", "masters", "zookeeper_dir")
IMDS = "http://169.254.169.254/metadata/identity/oauth2/token"


class BootError(Exception):
    """One line saying what is wrong and what to do."""


def read_json(path: str, what: str) -> dict:
    try:
        with open(path, encoding="utf-8") as file:
            value = json.load(file)
    except FileNotFoundError as error:
        raise BootError(f"{what} {path} is missing: the VM's custom data (modules/node-boot) writes it") from error
    except json.JSONDecodeError as error:
        raise BootError(f"{what} {path} is no JSON: {error}") from error
    if not isinstance(value, dict):
        raise BootError(f"{what} {path} is no JSON object")
    return value


def read_facts(root: str) -> dict:
    facts = read_json(os.path.join(root, FACTS), "node facts")
    if facts.get("version") != 1:
        raise BootError(f"node facts in {root}: version {facts.get('version')!r}, this image reads version 1")
    if facts.get("role") not in GROUPS:
        raise BootError(f"node facts in {root}: role {facts.get('role')!r}, expected one of {', '.join(GROUPS)}")
    for key in ("cluster", "masters", "zookeepers", "zookeeper_dir", "configuration_store"):
        if key not in facts:
            raise BootError(f"node facts in {root}: no {key}")
    return facts


def own_address(facts: dict) -> str:
    """The address this machine reaches the cluster from: its primary interface's."""
    peers = [peer["host"] for peer in facts["masters"] + facts["zookeepers"]]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((peers[0] if peers else "10.255.255.255", 9))
        return probe.getsockname()[0]


def identity(root: str, facts: dict) -> tuple[str, str]:
    """This node's inventory name and address: from its facts (fixed VMs), else from the machine."""
    node = facts.get("node")
    if node:
        return node["name"], node["host"]
    instance_file = os.path.join(root, INSTANCE)
    if os.path.exists(instance_file):
        instance = read_json(instance_file, "instance identity")
        return instance["name"], instance["host"]
    return socket.gethostname(), own_address(facts)


def key_vault_secret(store: dict, name: str, missing_ok: bool) -> str | None:
    """A secret's value from Key Vault, with this VM's managed identity; None when it does not exist and may not."""
    query = {"api-version": "2018-02-01", "resource": "https://vault.azure.net"}
    if store.get("identity_client_id"):
        query["client_id"] = store["identity_client_id"]
    token_request = urllib.request.Request(f"{IMDS}?{urllib.parse.urlencode(query)}", headers={"Metadata": "true"})
    # The role assignment may take minutes to reach a new identity: retry before giving up.
    deadline = time.time() + 600
    while True:
        try:
            with urllib.request.urlopen(token_request, timeout=10) as answer:
                token = json.load(answer)["access_token"]
            vault = f"https://{store['key_vault_name']}.vault.azure.net/secrets/{name}?api-version=7.4"
            with urllib.request.urlopen(urllib.request.Request(vault, headers={"Authorization": f"Bearer {token}"}), timeout=10) as answer:
                return json.load(answer)["value"]
        except urllib.error.HTTPError as error:
            if error.code == 404 and missing_ok:
                return None
            if time.time() > deadline:
                raise BootError(f"Key Vault {store['key_vault_name']} answered {error.code} for {name}: give this VM's identity Key Vault Secrets User on it") from error
        except (urllib.error.URLError, OSError) as error:
            if time.time() > deadline:
                raise BootError(f"no answer from IMDS or Key Vault {store['key_vault_name']}: {error}") from error
        time.sleep(10)


def kept_role_variables(facts: dict) -> dict:
    store = facts["configuration_store"]
    if store.get("kind") == "file":
        path = store["path"]
        return read_json(path, "configuration store") if os.path.exists(path) else {}
    if store.get("kind") == "key-vault":
        value = key_vault_secret(store, store["secret_name"], missing_ok=True)
        return {} if value is None else json.loads(value)
    raise BootError(f"configuration store of kind {store.get('kind')!r}: expected key-vault or file")


def cluster_secret(facts: dict) -> str | None:
    """The secret every Spark daemon and driver of the cluster shares; None for a store that names none."""
    store = facts["configuration_store"]
    if store.get("kind") == "file" and store.get("cluster_secret_path"):
        try:
            with open(store["cluster_secret_path"], encoding="utf-8") as file:
                return file.read().strip()
        except FileNotFoundError as error:
            raise BootError(f"cluster secret {store['cluster_secret_path']} is missing: the local cluster's up makes it") from error
    if store.get("kind") == "key-vault" and store.get("cluster_secret_name"):
        return key_vault_secret(store, store["cluster_secret_name"], missing_ok=False)
    return None


def keep_cluster_secret(root: str, secret: str) -> None:
    """Writes the node's copy (0600, replaced whole) only when it differs: a boot changes nothing that matches."""
    path = os.path.join(root, CLUSTER_SECRET)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as file:
            if file.read().strip() == secret:
                return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    descriptor, partial = tempfile.mkstemp(prefix=".cluster-secret-", dir=os.path.dirname(path))
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(f"{secret}\n")
    os.replace(partial, path)


def agreed(nodes: list[dict], key: str):
    """What the booting nodes' facts say of `key`; a node that leaves it empty (a worker's ZooKeeper list) has no say."""
    said = [node for node in nodes if node["facts"][key] not in ([], "", None)]
    for node in said[1:]:
        if node["facts"][key] != said[0]["facts"][key]:
            raise BootError(f"{node['name']} and {said[0]['name']} disagree on {key}: they boot together only as one cluster")
    return said[0]["facts"][key] if said else []


def inventory(nodes: list[dict]) -> dict:
    """The cluster as every node's facts describe it, each booting node among its group's hosts."""
    cluster, zookeepers, masters, zookeeper_dir = (agreed(nodes, key) for key in CLUSTER_FACTS)
    groups: dict[str, dict] = {group: {} for group in GROUPS.values()}
    for server in zookeepers:
        groups["zookeeper"][server["name"]] = {"ansible_host": server["host"], "zookeeper_id": server["id"]}
    for master in masters:
        groups["spark_masters"][master["name"]] = {"ansible_host": master["host"]}
    for node in nodes:
        host = groups[GROUPS[node["facts"]["role"]]].setdefault(node["name"], {})
        host.update(node["image"])
        host.update(node["facts"].get("role_variables", {}))
        host.update({"ansible_host": node["host"], "ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}"})
        if node["facts"]["role"] == "zookeeper":
            host["zookeeper_id"] = node["facts"]["node"]["zookeeper_id"]
    return {
        "all": {
            "vars": {"spark_azure_cluster_name": cluster, "spark_master_zookeeper_dir": zookeeper_dir},
            "children": {group: {"hosts": hosts} for group, hosts in groups.items()},
        }
    }


def private_file(directory: str, name: str, content: dict) -> str:
    descriptor, path = tempfile.mkstemp(prefix=f"spark-azure-boot-{name}-", suffix=".json", dir=directory)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(content, file)
    return path


def boot(arguments: argparse.Namespace) -> int:
    nodes = []
    for root in arguments.root:
        facts = read_facts(root)
        name, host = identity(root, facts)
        image_file = os.path.join(root, IMAGE)
        image = read_json(image_file, "image variables") if os.path.exists(image_file) else {}
        nodes.append({"root": root, "facts": facts, "name": name, "host": host, "image": image})
    cluster = inventory(nodes)
    if arguments.print_inventory:
        json.dump(cluster, sys.stdout, indent=2, sort_keys=True)
        print()
        return 0
    # The kept role variables win over everything: they are what the cluster was last rolled with.
    kept = kept_role_variables(nodes[0]["facts"])
    secret = cluster_secret(nodes[0]["facts"]) if any(node["facts"]["role"] in SECRET_ROLES for node in nodes) else None
    for node in nodes:
        if secret is not None and node["facts"]["role"] in SECRET_ROLES:
            keep_cluster_secret(node["root"], secret)
    scratch = tempfile.mkdtemp(prefix="spark-azure-boot-")
    try:
        inventory_file = private_file(scratch, "inventory", cluster)
        kept_file = private_file(scratch, "kept", kept)
        command = [arguments.ansible_playbook, "-i", inventory_file, arguments.playbook, "--limit", ",".join(node["name"] for node in nodes), "-e", f"@{kept_file}"]
        # The wait for a boot to finish is for runs from outside: this is the boot.
        command += ["--skip-tags", "wait-for-boot,health" if arguments.skip_health else "wait-for-boot"]
        environment = {**os.environ, "ANSIBLE_CONFIG": os.path.join(os.path.dirname(arguments.playbook), "ansible.cfg"), "ANSIBLE_NOCOLOR": "1"}
        started = time.time()
        run = subprocess.run(command, env=environment, cwd=os.path.dirname(arguments.playbook), capture_output=True, text=True, check=False)
        if run.returncode != 0:
            failures = [line for line in (run.stdout + run.stderr).splitlines() if "fatal:" in line or "ERROR!" in line or "FAILED" in line]
            print("\n".join(failures[-5:]) or (run.stdout + run.stderr)[-2000:], file=sys.stderr)
            raise BootError(f"the site playbook failed for {', '.join(node['name'] for node in nodes)} (exit {run.returncode}): see above")
    finally:
        for file in os.listdir(scratch):
            os.remove(os.path.join(scratch, file))
        os.rmdir(scratch)
    for node in nodes:
        booted = os.path.join(node["root"], BOOTED)
        os.makedirs(os.path.dirname(booted), exist_ok=True)
        with open(booted, "w", encoding="utf-8") as file:
            json.dump({"at": time.time(), "name": node["name"], "role": node["facts"]["role"], "seconds": round(time.time() - started, 1)}, file)
        print(f"spark-azure-boot: {node['name']} ({node['facts']['role']} of {node['facts']['cluster']}) configured from its custom data", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", action="append", help="a node's root directory (repeatable; default /)")
    parser.add_argument("--playbook", default="/opt/spark-azure/ansible/site.yml")
    parser.add_argument("--ansible-playbook", default="/opt/spark-azure/venv/bin/ansible-playbook")
    parser.add_argument("--skip-health", action="store_true", help="configure only: whoever starts the nodes waits for their health")
    parser.add_argument("--print-inventory", action="store_true", help="print the inventory the facts make, and change nothing")
    arguments = parser.parse_args()
    arguments.root = arguments.root or ["/"]
    try:
        return boot(arguments)
    except BootError as error:
        print(f"spark-azure-boot: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
