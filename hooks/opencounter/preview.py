"""`make serve`: the preview shows the last good site until a rebuild has fully succeeded.

The preview server shows one folder. Each rebuild writes a folder beside it; only a rebuild that
succeeded takes its place (a rename each way, so a page is never half written). A rebuild that
fails leaves the folder the server shows as it was, and its own folder is removed.

No engine import here: hooks/adapter.py tells this which folder the server shows.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

AFTER_A_FAILED_REBUILD = ("The preview still shows the last good site. Fix the problem above and save: "
                          "the preview rebuilds by itself.")


class PreviewFolders:
    """The folder the preview server shows (`served`) and the one a rebuild writes (`staging`)."""

    def __init__(self, served: Path):
        self.served = Path(served)
        self.staging = self.served.with_name(self.served.name + "-next")

    def start(self) -> Path:
        """An empty folder for a rebuild to write."""
        self.discard()
        return self.staging

    def put_in_place(self) -> None:
        """The rebuilt site in place of the one the server shows."""
        old = self.served.with_name(self.served.name + "-old")
        shutil.rmtree(old, ignore_errors=True)
        if self.served.exists():
            os.rename(self.served, old)
        os.rename(self.staging, self.served)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """A failed rebuild: its folder goes, the site the server shows stays."""
        shutil.rmtree(self.staging, ignore_errors=True)
