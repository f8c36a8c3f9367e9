"""Reading the YAML files that people edit (exercises, topics, profiles), with clear errors.

A broken data file must fail loudly and name itself, so the person who edited it can fix
it; each feature passes its own error class so its callers catch what they expect.
"""

from pathlib import Path
from typing import Any, Dict, Type

import yaml


def read_mapping(path: Path, error: Type[Exception], expected: str = "a mapping at the top of the file") -> Dict[str, Any]:
    """The file's top-level mapping; `error` naming the file when it is missing or not one."""
    if not path.exists():
        raise error(f"{path}: file is missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise error(f"{path}: not valid YAML: {problem}") from problem
    if not isinstance(data, dict):
        raise error(f"{path}: expected {expected}")
    return data
