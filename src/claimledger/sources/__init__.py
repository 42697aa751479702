"""Sources: turn what a user names (paths, globs, directories, URLs, stdin) into Pages."""

from claimledger.sources.page import Page, RawInput
from claimledger.sources.resolve import iter_inputs, read_input

__all__ = ["Page", "RawInput", "iter_inputs", "read_input"]
