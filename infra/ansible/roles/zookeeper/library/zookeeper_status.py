#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Reports a ZooKeeper server's role and sync state through the srvr and mntr four-letter words."""
from __future__ import annotations

import socket

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: zookeeper_status
short_description: Report a ZooKeeper server's mode and, on the leader, its synced followers
description:
  - Sends C(srvr) and C(mntr) to one server and returns what they say. Never changes anything.
  - C(mntr) must be in C(4lw.commands.whitelist).
options:
  host: {description: Client address of the server., type: str, required: true}
  port: {description: Client port., type: int, default: 2181}
  timeout: {description: Seconds to wait for each answer., type: float, default: 2.0}
  ensemble:
    description:
      - Client addresses of every server of the ensemble (same port). When given, each is asked too, and the
        result says which of them lead and what the leader reports, so that a run limited to some servers
        (a re-created one) can still wait for the whole ensemble.
    type: list
    elements: str
author: spark-azure maintainers
"""

RETURN = r"""
reachable: {description: The server accepted a connection., type: bool, returned: always}
serving: {description: The server is in a quorum and serves requests., type: bool, returned: always}
mode: {description: leader, follower, observer or standalone., type: str, returned: when serving}
synced_followers: {description: Followers in sync with this leader (-1 on followers)., type: int, returned: always}
pending_syncs: {description: Learners still syncing with this leader (-1 on followers)., type: int, returned: always}
leaders: {description: The servers of C(ensemble) that lead., type: list, returned: when ensemble is given}
leader_synced_followers: {description: Synced followers the single leader of C(ensemble) reports (-1 without one)., type: int, returned: when ensemble is given}
leader_pending_syncs: {description: Syncs pending at the single leader of C(ensemble) (-1 without one)., type: int, returned: when ensemble is given}
leader_synced_voters: {description: Of those synced followers, the voting ones (a joiner not yet added by reconfig does not vote)., type: int, returned: when ensemble is given}
leader_participants: {description: Voting members in the single leader's configuration (its C(conf)), -1 when it does not say., type: int, returned: when ensemble is given}
"""


def four_letter_word(host: str, port: int, word: str, timeout: float) -> str:
    with socket.create_connection((host, port), timeout=timeout) as connection:
        connection.sendall(word.encode("ascii"))
        connection.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                return b"".join(chunks).decode("utf-8", "replace")
            chunks.append(chunk)


def parse_mntr(reply: str) -> dict[str, str]:
    fields = {}
    for line in reply.splitlines():
        key, _, value = line.partition("\t")
        if key.startswith("zk_"):
            fields[key] = value.strip()
    return fields


def server_status(host: str, port: int, timeout: float) -> dict:
    status = {"reachable": False, "serving": False, "mode": "", "synced_followers": -1, "pending_syncs": -1}
    try:
        fields = parse_mntr(four_letter_word(host, port, "mntr", timeout))
    except OSError as error:
        status["msg"] = f"{host}:{port} unreachable: {error}"
        return status
    status["reachable"] = True
    mode = fields.get("zk_server_state", "")
    status["serving"] = mode in ("leader", "follower", "observer", "standalone")
    status["mode"] = mode
    if mode == "leader":
        # Values are floats ("2.0") when the Prometheus metrics provider is on.
        status["synced_followers"] = int(float(fields.get("zk_synced_followers", "-1")))
        status["pending_syncs"] = int(float(fields.get("zk_pending_syncs", "-1")))
        non_voting = int(float(fields.get("zk_synced_non_voting_followers", "0")))
        status["synced_voters"] = status["synced_followers"] - non_voting
    return status


def participants(host: str, port: int, timeout: float) -> int:
    """Voting members in the server's configuration (the membership part of `conf`); -1 if it does not say."""
    try:
        reply = four_letter_word(host, port, "conf", timeout)
    except OSError:
        return -1
    if "membership:" not in reply:
        return -1
    lines = [line.strip() for line in reply.split("membership:", 1)[1].splitlines()]
    return sum(1 for line in lines if line.startswith("server.") and ":observer;" not in line)


def main() -> None:
    module = AnsibleModule(
        argument_spec={
            "host": {"type": "str", "required": True},
            "port": {"type": "int", "default": 2181},
            "timeout": {"type": "float", "default": 2.0},
            "ensemble": {"type": "list", "elements": "str"},
        },
        supports_check_mode=True,
    )
    host, port, timeout = module.params["host"], module.params["port"], module.params["timeout"]
    result = {"changed": False, **server_status(host, port, timeout)}
    if module.params["ensemble"]:
        statuses = {server: server_status(server, port, timeout) for server in module.params["ensemble"]}
        leaders = [server for server, status in statuses.items() if status["mode"] == "leader"]
        single = statuses[leaders[0]] if len(leaders) == 1 else {}
        result["leaders"] = leaders
        result["leader_synced_followers"] = single.get("synced_followers", -1)
        result["leader_pending_syncs"] = single.get("pending_syncs", -1)
        result["leader_synced_voters"] = single.get("synced_voters", -1)
        result["leader_participants"] = participants(leaders[0], port, timeout) if single else -1
    module.exit_json(**result)


if __name__ == "__main__":
    main()
