#!/usr/bin/env python3
"""Runs a systemd service unit's ExecStart= the way systemd would, for machines where systemd is
not PID 1 (containers, CI, this project's rehearsal): reads the unit's [Service] section, its
EnvironmentFile= files and Environment= lines, expands the variables as systemd does ("${X}"
is one word, a lone "$X" splits on white space, an unset variable is empty) and runs the
command as the unit's User= and Group=, with the unit's LimitNOFILE= and UMask=. What it does not do:
sandboxing (ProtectSystem= and the like), restarts, cgroups, journald.

Usage: run-unit.py UNIT [--env-file FILE ...] [--print]
  --env-file FILE  read FILE instead of the unit's EnvironmentFile= (several instances of one
                   unit on one host, each with its own ports and data dir)
  --print          print the command line (one argument a line) and exit
"""

import grp
import os
import pwd
import re
import resource
import shlex
import sys


def fail(message):
    sys.exit(f"run-unit: {message}")


def unit_lines(path):
    """The unit's (section, key, value) entries, continuation lines joined."""
    section = None
    pending = ""
    with open(path) as f:
        for raw in f:
            line = raw.rstrip("\n")
            if pending:
                line = pending + line.lstrip()
                pending = ""
            stripped = line.strip()
            if not stripped or stripped[0] in "#;":
                continue
            if stripped.endswith("\\"):
                pending = stripped[:-1] + " "
                continue
            if stripped.startswith("[") and stripped.endswith("]"):
                section = stripped[1:-1]
                continue
            key, _, value = stripped.partition("=")
            yield section, key.strip(), value.strip()


def read_env_file(path, env):
    """KEY=VALUE lines as systemd reads them: comments, quotes, backslash continuation."""
    with open(path) as f:
        text = f.read()
    text = re.sub(r"\\\n", "", text)
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        key, sep, value = line.partition("=")
        if not sep:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        env[key.strip()] = value


def expand(command, env):
    """systemd's variable expansion of a command line."""
    words = shlex.split(command)
    argv = []
    for word in words:
        lone = re.fullmatch(r"\$([A-Za-z_][A-Za-z0-9_]*)", word)
        if lone:
            # "$X" alone is split on white space; unset or empty: no argument at all.
            argv.extend(env.get(lone.group(1), "").split())
            continue
        argv.append(re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", lambda m: env.get(m.group(1), ""), word))
    return argv


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if args else 2)
    unit = args[0]
    env_files = []
    show = False
    rest = args[1:]
    while rest:
        if rest[0] == "--env-file" and len(rest) > 1:
            env_files.append(rest[1])
            rest = rest[2:]
        elif rest[0] == "--print":
            show = True
            rest = rest[1:]
        else:
            fail(f"unknown argument {rest[0]}")

    service = [(k, v) for s, k, v in unit_lines(unit) if s == "Service"]
    exec_start = [v for k, v in service if k == "ExecStart"]
    if len(exec_start) != 1:
        fail(f"{unit} must have exactly one ExecStart=, has {len(exec_start)}")
    env = {}
    unit_env_files = [v for k, v in service if k == "EnvironmentFile"]
    for k, v in service:
        if k == "Environment":
            for assignment in shlex.split(v):
                key, _, value = assignment.partition("=")
                env[key] = value
    for path in env_files or unit_env_files:
        optional = path.startswith("-")
        path = path.lstrip("-")
        if not os.path.exists(path):
            if optional:
                continue
            fail(f"environment file {path} is missing")
        read_env_file(path, env)
    command = exec_start[0].lstrip("@-:+!")
    argv = expand(command, env)
    if show:
        print("\n".join(argv))
        return

    settings = dict(service)
    limit = settings.get("LimitNOFILE")
    if limit:
        soft_hard = [int(x) for x in limit.split(":")]
        soft, hard = soft_hard[0], soft_hard[-1]
        _, allowed = resource.getrlimit(resource.RLIMIT_NOFILE)
        if allowed != resource.RLIM_INFINITY and hard > allowed:
            # systemd (PID 1) may raise it; a process in a container may not: say so, go on.
            print(f"run-unit: LimitNOFILE={limit} is above this host's hard limit {allowed}: "
                  f"using {allowed}", file=sys.stderr)
            soft, hard = min(soft, allowed), allowed
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    umask = settings.get("UMask")
    if umask:
        os.umask(int(umask, 8))
    user = settings.get("User")
    group = settings.get("Group")
    if user and os.geteuid() == 0:
        entry = pwd.getpwnam(user)
        gid = grp.getgrnam(group).gr_gid if group else entry.pw_gid
        os.setgroups([])
        os.initgroups(user, gid)
        os.setgid(gid)
        os.setuid(entry.pw_uid)
        env_home = entry.pw_dir
    else:
        env_home = os.environ.get("HOME", "/")
    # systemd gives a service a clean environment: these, and the unit's own variables.
    child_env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": env_home, "LANG": "C.UTF-8"}
    child_env.update(env)
    os.execve(argv[0], argv, child_env)


if __name__ == "__main__":
    main()
