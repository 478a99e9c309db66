"""Keys seen once: the articles a spider scheduled, the URLs a run emitted. A plug-in may hand the
duplicates pipeline a set shared by several processes (``distributed/claims.py``) instead."""
from __future__ import annotations


class SeenSet:
    """A set of keys local to this process."""

    def __init__(self) -> None:
        self.local: set[str] = set()

    def add(self, member: str, owner: str = "") -> bool:
        """True when ``member`` was not in the set yet."""
        if member in self.local:
            return False
        self.local.add(member)
        return True
