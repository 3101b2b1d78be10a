"""Where documents come from: files, directories, feeds, web archives, JSON Lines.

`read_paths(paths)` streams `Document`s (or `Failure`s for items that cannot be read) from
every path given; the readers and the file types they claim are listed once, in
`flashpoint.sources.registry.READERS`.
"""

from flashpoint.sources.registry import READERS, Failure, Reader, read_path, read_paths

__all__ = ["READERS", "Failure", "Reader", "read_path", "read_paths"]
