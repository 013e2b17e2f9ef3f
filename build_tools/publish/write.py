"""Write a folder all at once: build beside it, then swap it in; a failed build leaves the old one."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from build_tools.tree.problems import HelpCentreError


class CannotWrite(HelpCentreError):
    """The output folder cannot be written: said in one line, not a traceback."""

    def __init__(self, error: OSError, what: Path | None = None) -> None:
        where = error.filename or what
        hint = ("; the checkout or the folder is read-only: build into a folder you can write to"
                if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else "")
        super().__init__(f"cannot write{f' {where}' if where else ''}: {error.strerror}{hint}")


class AtomicFolder:
    """A staging folder next to `target` that replaces it on commit and vanishes on abort."""

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.staging = self.target.with_name(f".{self.target.name}.building-{os.getpid()}")
        self._old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")

    def begin(self) -> Path:
        try:
            self._remove_leftovers()
            self.staging.mkdir(parents=True)
        except OSError as error:
            raise CannotWrite(error, self.staging) from None
        return self.staging

    def commit(self) -> None:
        """Swap the finished staging folder in. Two renames: the old site is gone only after."""
        moved = False
        try:
            if self.target.exists():
                self.target.rename(self._old)
                moved = True
            self.staging.rename(self.target)
        except OSError as error:
            if moved:  # put the old one back: the last good output stays
                self._old.rename(self.target)
            self.abort()
            raise CannotWrite(error, self.target) from None
        shutil.rmtree(self._old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def _remove_leftovers(self) -> None:
        """Clean up after builds that were killed (SIGKILL leaves them no chance to); the
        folders of a build still running (its pid is alive) are left to it."""
        olds = [p for p in sorted(self.target.parent.glob(f".{self.target.name}.old-*")) if _dead(p)]
        if olds and not self.target.exists():  # killed between the two renames of a commit
            olds.pop().rename(self.target)
        stagings = [p for p in self.target.parent.glob(f".{self.target.name}.building-*") if _dead(p)]
        for leftover in [*olds, *stagings]:
            shutil.rmtree(leftover, ignore_errors=True)


def _dead(folder: Path) -> bool:
    """Whether the build that named this folder (…-<pid>) has ended."""
    pid = folder.name.rsplit("-", 1)[-1]
    if not pid.isdigit() or int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Write text files (UTF-8, LF line endings) so that the same input gives the same bytes."""
    for relative, content in sorted(files.items()):
        path = folder / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8"))
        except OSError as error:
            raise CannotWrite(error, path) from None
