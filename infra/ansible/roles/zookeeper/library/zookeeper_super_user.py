#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Gives a ZooKeeper server its own super user: a generated password and the digest the server checks."""
from __future__ import annotations

import base64
import hashlib
import os
import secrets

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: zookeeper_super_user
short_description: This server's super user password (generated once) and its digest as a JVM argument file
description:
  - Generates a random password into O(password_file) (mode 0600) when the file does not exist, and writes
    O(jvm_args_file) (mode 0600) with C(-Dzookeeper.DigestAuthenticationProvider.superDigest=super:<digest>),
    the SHA-1 digest ZooKeeper's DigestAuthenticationProvider compares C(addauth digest super:<password>) with.
  - The password never leaves the host: reconfig runs on the server whose password it is (the server a client
    authenticates with decides who it is; the leader trusts that).
options:
  password_file: {description: Where the password lives., type: path, required: true}
  jvm_args_file: {description: Where the digest argument lives (java @argfile)., type: path, required: true}
  owner: {description: Owner of both files (the server's user)., type: str}
  group: {description: Group of both files., type: str}
author: spark-azure maintainers
"""

RETURN = r"""
generated: {description: A new password was generated., type: bool, returned: always}
"""


def write_private(path: str, text: str) -> None:
    descriptor = os.open(path + ".next", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text)
    os.replace(path + ".next", path)


def main() -> None:
    module = AnsibleModule(
        argument_spec={
            "password_file": {"type": "path", "required": True},
            "jvm_args_file": {"type": "path", "required": True},
            "owner": {"type": "str"},
            "group": {"type": "str"},
        },
        supports_check_mode=True,
    )
    password_file, jvm_args_file = module.params["password_file"], module.params["jvm_args_file"]
    generated = not os.path.exists(password_file)
    if generated and module.check_mode:
        module.exit_json(changed=True, generated=True)
    if generated:
        write_private(password_file, secrets.token_urlsafe(32) + "\n")
    with open(password_file, encoding="utf-8") as file:
        password = file.read().strip()
    digest = base64.b64encode(hashlib.sha1(f"super:{password}".encode()).digest()).decode()
    wanted = f"-Dzookeeper.DigestAuthenticationProvider.superDigest=super:{digest}\n"
    current = open(jvm_args_file, encoding="utf-8").read() if os.path.exists(jvm_args_file) else None
    changed = generated or current != wanted
    if current != wanted and not module.check_mode:
        write_private(jvm_args_file, wanted)
    for path in (password_file, jvm_args_file):
        # Only the server's user reads them.
        changed = module.set_mode_if_different(path, "0600", changed)
        changed = module.set_owner_if_different(path, module.params["owner"], changed)
        changed = module.set_group_if_different(path, module.params["group"], changed)
    module.exit_json(changed=changed, generated=generated)


if __name__ == "__main__":
    main()
