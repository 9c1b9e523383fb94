"""A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, pg_ctl
start on a free port of 127.0.0.1, stop and delete at the end.

PostgreSQL refuses to run as root; when the tests run as root (CI does) the server runs as the
``postgres`` system user that Debian's package creates.  ``start()`` raises ``RuntimeError`` with
the reason when the server cannot be started, so a fixture can fail (in CI) instead of skipping.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")
USER = "drafter"
PASSWORD = "drafter-test"


def _binary(name: str) -> str:
    for folder in BIN_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    def __init__(self) -> None:
        self.folder: Path | None = None
        self.port = 0
        self._as: list[str] = []

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, dbname: str, password: str = PASSWORD) -> str:
        return f"postgresql://{USER}:{password}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *argv: str) -> subprocess.CompletedProcess:
        done = subprocess.run([*self._as, *argv], capture_output=True, text=True, timeout=120, check=False)
        if done.returncode:
            raise RuntimeError(f"{' '.join(argv[:2])} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done

    def start(self) -> TempPostgres:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        self.folder = Path(tempfile.mkdtemp(prefix="drafter-pg-"))
        data = self.folder / "data"
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no postgres user to run the server") from None
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            os.chown(pwfile, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run(initdb, "-D", str(data), "-U", USER, "--pwfile", str(pwfile), "-E", "UTF8",
                  "--locale", "C.UTF-8", "--auth-local", "trust", "--auth-host", "scram-sha-256")
        self.port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='{self.folder}'"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB"
                   " -c max_connections=50")
        self._run(pg_ctl, "-D", str(data), "-l", str(self.folder / "log"), "-o", options, "-w", "-t", "60", "start")
        return self

    def create_database(self, name: str) -> str:
        """A fresh database on this server; returns its URL."""
        import psycopg

        with psycopg.connect(self.url_for("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            subprocess.run([*self._as, _binary("pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                            "-w", "stop"], capture_output=True, timeout=60, check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
