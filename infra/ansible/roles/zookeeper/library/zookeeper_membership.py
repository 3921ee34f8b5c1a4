#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Writes the membership a ZooKeeper server without one starts with: the running ensemble's, plus itself."""
from __future__ import annotations

import os
import socket

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: zookeeper_membership
short_description: The membership file (server.N lines) of a ZooKeeper server that has none
description:
  - Does nothing when O(path) exists: after its first start ZooKeeper owns that file (reconfig rewrites it).
  - Otherwise asks the other servers of the inventory group for their configuration (the C(conf) four-letter word,
    its C(membership:) part) and takes the newest version any of them reports, adding this server when it is
    not a member yet: a joiner then follows the leader as a non-voting follower until a reconfig adds it, and
    a re-created member finds itself listed already. When no server answers (the ensemble's first start) the
    inventory group is the membership. Writes it to O(path).
  - C(conf) must be in C(4lw.commands.whitelist).
options:
  path: {description: The membership file., type: path, required: true}
  owner: {description: Its owner., type: str}
  group: {description: Its group., type: str}
  own_id: {description: This server's myid., type: int, required: true}
  ids: {description: The myid of every host of the inventory group., type: list, elements: int, required: true}
  hosts: {description: The address of every host of the group, in the order of O(ids)., type: list, elements: str, required: true}
  client_address: {description: The address this server serves clients on., type: str, required: true}
  client_port: {description: Client port (every server's)., type: int, default: 2181}
  quorum_port: {description: Quorum port (every server's)., type: int, default: 2888}
  election_port: {description: Election port (every server's)., type: int, default: 3888}
  timeout: {description: Seconds to wait for each answer., type: float, default: 2.0}
author: spark-azure maintainers
"""

RETURN = r"""
members: {description: The server.N lines written., type: list, returned: when the file was written}
source: {description: The server whose membership was taken, or "inventory"., type: str, returned: when the file was written}
"""


def conf_membership(address: str, timeout: float) -> tuple[list[str], int] | None:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as connection:
            connection.sendall(b"conf")
            connection.shutdown(socket.SHUT_WR)
            reply = b""
            while chunk := connection.recv(65536):
                reply += chunk
    except OSError:
        return None
    text = reply.decode("utf-8", "replace")
    if "membership:" not in text:
        return None
    lines, version = [], None
    for line in text.split("membership:", 1)[1].splitlines():
        line = line.strip()
        if line.startswith("server."):
            lines.append(line)
        elif line.startswith("version="):
            version = int(line.split("=", 1)[1], 16)
    return (lines, version) if lines and version is not None else None


def server_id(line: str) -> str:
    return line.split("=", 1)[0]


def server_line(server: int, host: str, client_address: str, params: dict) -> str:
    return f"server.{server}={host}:{params['quorum_port']}:{params['election_port']}:participant;{client_address}:{params['client_port']}"


def main() -> None:
    module = AnsibleModule(
        argument_spec={
            "path": {"type": "path", "required": True},
            "owner": {"type": "str"},
            "group": {"type": "str"},
            "own_id": {"type": "int", "required": True},
            "ids": {"type": "list", "elements": "int", "required": True},
            "hosts": {"type": "list", "elements": "str", "required": True},
            "client_address": {"type": "str", "required": True},
            "client_port": {"type": "int", "default": 2181},
            "quorum_port": {"type": "int", "default": 2888},
            "election_port": {"type": "int", "default": 3888},
            "timeout": {"type": "float", "default": 2.0},
        },
        supports_check_mode=True,
    )
    params = module.params
    if os.path.exists(params["path"]):
        module.exit_json(changed=False)
    if len(params["ids"]) != len(params["hosts"]):
        module.fail_json(msg="ids and hosts must list the same servers, in the same order")
    servers = dict(zip(params["ids"], params["hosts"]))
    own = server_line(params["own_id"], servers[params["own_id"]], params["client_address"], params)
    inventory = [own if server == params["own_id"] else server_line(server, host, host, params) for server, host in sorted(servers.items())]
    best = None
    for server, host in sorted(servers.items()):
        if server == params["own_id"]:
            continue
        answer = conf_membership(f"{host}:{params['client_port']}", params["timeout"])
        if answer and (best is None or answer[1] > best[1][1]):
            best = (host, answer)
    if best is None:
        members, source = inventory, "inventory"
    else:
        source, (members, _) = best
        if server_id(own) not in {server_id(line) for line in members}:
            members = members + [own]
    if not module.check_mode:
        with open(params["path"], "w", encoding="utf-8") as file:
            file.write("".join(line + "\n" for line in members))
        module.set_mode_if_different(params["path"], "0644", True)
        module.set_owner_if_different(params["path"], params["owner"], True)
        module.set_group_if_different(params["path"], params["group"], True)
    module.exit_json(changed=True, members=members, source=source)


if __name__ == "__main__":
    main()
