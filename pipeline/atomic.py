"""Files written whole or not at all: an interrupted run never leaves a truncated
output under its final name."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


class AtomicWriter:
    """Write a file under a temporary name and rename it into place on :meth:`commit`.

    An interrupted run therefore never leaves a truncated file under the final
    name; :meth:`abort` (or leaving the ``with`` block on an exception) removes
    the temporary file.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get open()'s usual mode
        self.tmp = Path(tmp)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def write_line(self, line: str) -> None:
        self.fh.write(line)
        self.fh.write("\n")

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write a whole file atomically (see :class:`AtomicWriter`)."""
    with AtomicWriter(path) as out:
        out.write(text)
