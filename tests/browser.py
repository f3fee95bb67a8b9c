"""A real headless Chromium for the page tests: Debian's ``chromium`` driven by Playwright.

Playwright's own browser download (``playwright install``) is never used: the browser is the
system's ``/usr/bin/chromium``. When it is missing and the tests run as root on a Debian-like
system, :func:`ensure_chromium` installs it with apt-get (with ``poppler-utils`` for
``pdftotext``); elsewhere the browser tests are skipped with a message saying how to install it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess

import pytest

CHROMIUM = "/usr/bin/chromium"
#: Flags for a quiet, offline, reproducible headless browser in a container.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
PACKAGES = ("chromium", "poppler-utils")


def _missing() -> list[str]:
    missing = [] if os.access(CHROMIUM, os.X_OK) else ["chromium"]
    if shutil.which("pdftotext") is None:
        missing.append("poppler-utils")
    return missing


def ensure_chromium() -> None:
    """Install Chromium and pdftotext when missing and possible; skip the test otherwise."""
    missing = _missing()
    if not missing:
        return
    can_install = os.geteuid() == 0 and shutil.which("apt-get") is not None
    if not can_install:
        pytest.skip(
            f"browser tests need {' and '.join(missing)}: run `apt-get install -y "
            f"{' '.join(PACKAGES)}` as root (the tests install them themselves when run as root)"
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Test workers running in parallel (pytest-xdist) take turns: apt-get refuses a second
    # concurrent install, and the second worker then finds the packages already there.
    with open("/tmp/jetx-diag-apt.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _missing():
            return
        for command in (["apt-get", "update"], ["apt-get", "install", "-y", *PACKAGES]):
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                stderr = done.stderr.strip()[-300:]
                pytest.skip(f"could not install {' '.join(PACKAGES)}: {stderr}")
    if _missing():
        pytest.skip(f"{' and '.join(_missing())} still missing after apt-get install")
