"""Bootstrap: one command to build and serve the site, one to run every test.

Run with any Python 3.11+, no packages needed:

    python3 build_tools/dev.py serve     # install (pinned), build, serve on :8000
    python3 build_tools/dev.py test      # install (pinned), find a Chromium, run pytest

This file uses the standard library only, because it runs before anything is
installed. It keeps a virtual environment in `.venv/` and reinstalls it when a
requirements file changes (their hash is stored beside it).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
SITE_REQUIREMENTS = ROOT / "requirements.txt"
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Tests read this to launch the browser; "playwright" means Playwright's own download.
CHROMIUM_ENV = "HELP_CENTRE_CHROMIUM"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirements: Path) -> Path:
    """Create or refresh .venv so that it holds exactly the pinned requirements."""
    stamp = VENV / f".installed-{requirements.stem}"
    wanted = _requirements_hash(requirements)
    if stamp.exists() and stamp.read_text() == wanted and venv_python().exists():
        return venv_python()
    if not venv_python().exists():
        _run([sys.executable, "-m", "venv", str(VENV)])
    print(f"Installing {requirements.name} into .venv ...", flush=True)
    _run([str(venv_python()), "-m", "pip", "install", "--quiet",
          "--disable-pip-version-check", "-r", str(requirements)])
    stamp.write_text(wanted)
    return venv_python()


def _requirements_hash(requirements: Path) -> str:
    """Hash the file and every file it includes with `-r`."""
    digest = hashlib.sha256()
    for line in requirements.read_text().splitlines():
        digest.update(line.encode())
        if line.startswith("-r "):
            digest.update(_requirements_hash(requirements.parent / line[3:].strip()).encode())
    return digest.hexdigest()


def ensure_chromium(python: Path) -> str:
    """Find a Chromium for the browser tests, installing one if needed."""
    found = os.environ.get(CHROMIUM_ENV) or _system_chromium()
    if found:
        return found
    if _can_apt_install():
        print("Installing Chromium with apt-get ...", flush=True)
        _run(["apt-get", "update", "-qq"])
        _run(["apt-get", "install", "-y", "-qq", "chromium"],
             env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = _system_chromium()
        if found:
            return found
    print("Installing Playwright's own Chromium ...", flush=True)
    _run([str(python), "-m", "playwright", "install", "chromium"])
    return "playwright"


def ensure_cjk_font() -> None:
    """A Chinese font for the browser: without one Chromium draws narrow boxes, and the phone
    layout tests measure Chinese pages shorter than any reader's phone shows them."""
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True) \
        if shutil.which("fc-list") else None
    if listed is None or listed.stdout.strip() or not _can_apt_install():
        return
    print("Installing a Chinese font with apt-get ...", flush=True)
    _run(["apt-get", "update", "-qq"])
    _run(["apt-get", "install", "-y", "-qq", "fonts-wqy-microhei"],
         env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def _system_chromium() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    # GitHub's Ubuntu runners ship Google Chrome, the same engine.
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    return next((found for name in names if (found := shutil.which(name))), None)


def _can_apt_install() -> bool:
    """Root on Debian itself: Ubuntu's `chromium` package is only a stub for a snap."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    os_release = Path("/etc/os-release")
    is_debian = os_release.exists() and "ID=debian" in os_release.read_text().split()
    return is_root and is_debian and shutil.which("apt-get") is not None


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(f"Command failed ({result.returncode}): {' '.join(command)}")


def _exec(python: Path, args: list[str], env: dict[str, str] | None = None) -> None:
    """Replace this process, so Ctrl-C and exit codes behave as if run directly."""
    os.chdir(ROOT)
    if env:
        os.environ.update(env)
    os.execv(str(python), [str(python), *args])


def main(argv: list[str]) -> None:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    # Material's end-of-life banner is known (docs/decisions/001); editors need not read it each time.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if command == "serve":
        python = ensure_venv(SITE_REQUIREMENTS)
        _exec(python, ["-m", "mkdocs", "serve", *rest])
    elif command == "build":
        python = ensure_venv(SITE_REQUIREMENTS)
        _exec(python, ["-m", "mkdocs", "build", "--strict", *rest])
    elif command == "test":
        python = ensure_venv(DEV_REQUIREMENTS)
        chromium = ensure_chromium(python)
        ensure_cjk_font()
        _exec(python, ["-m", "pytest", *rest], env={CHROMIUM_ENV: chromium})
    elif command == "bench":
        python = ensure_venv(DEV_REQUIREMENTS)
        chromium = ensure_chromium(python)
        ensure_cjk_font()
        _exec(python, ["tests/benchmark/run.py", *rest], env={CHROMIUM_ENV: chromium})
    elif command == "python":
        _exec(ensure_venv(DEV_REQUIREMENTS), rest)
    else:
        print(__doc__)
        print("Also: build (strict site build into site/), bench (benchmarks),"
              " python ARGS (the dev environment's Python).")
        sys.exit(0 if command in ("help", "-h", "--help") else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
