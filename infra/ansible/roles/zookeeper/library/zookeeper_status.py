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
author: spark-azure maintainers
"""

RETURN = r"""
reachable: {description: The server accepted a connection., type: bool, returned: always}
serving: {description: The server is in a quorum and serves requests., type: bool, returned: always}
mode: {description: leader, follower, observer or standalone., type: str, returned: when serving}
synced_followers: {description: Followers in sync with this leader (-1 on followers)., type: int, returned: always}
pending_syncs: {description: Learners still syncing with this leader (-1 on followers)., type: int, returned: always}
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


def main() -> None:
    module = AnsibleModule(
        argument_spec={
            "host": {"type": "str", "required": True},
            "port": {"type": "int", "default": 2181},
            "timeout": {"type": "float", "default": 2.0},
        },
        supports_check_mode=True,
    )
    host, port, timeout = module.params["host"], module.params["port"], module.params["timeout"]
    result = {"changed": False, "reachable": False, "serving": False, "mode": "",
              "synced_followers": -1, "pending_syncs": -1}
    try:
        fields = parse_mntr(four_letter_word(host, port, "mntr", timeout))
        result["reachable"] = True
    except OSError as error:
        module.exit_json(msg=f"{host}:{port} unreachable: {error}", **result)
    mode = fields.get("zk_server_state", "")
    result["serving"] = mode in ("leader", "follower", "observer", "standalone")
    result["mode"] = mode
    if mode == "leader":
        # Values are floats ("2.0") when the Prometheus metrics provider is on.
        result["synced_followers"] = int(float(fields.get("zk_synced_followers", "-1")))
        result["pending_syncs"] = int(float(fields.get("zk_pending_syncs", "-1")))
    module.exit_json(**result)


if __name__ == "__main__":
    main()
