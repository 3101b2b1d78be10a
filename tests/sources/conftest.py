from pathlib import Path

try:
    import flashpoint  # noqa: F401
except ImportError:  # running from a checkout that is not installed
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
