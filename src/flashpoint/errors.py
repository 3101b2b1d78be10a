"""Errors that flashpoint raises on purpose; each message says what to do."""


class FlashpointError(Exception):
    """Base class: the CLI prints these as one line, never as a traceback."""


class InputError(FlashpointError):
    """A document or file that cannot be read."""


class KnowledgeBaseError(FlashpointError):
    """A knowledge-base file or entry that is wrong; the message names file and entry."""
