"""The arguments every script test gets from tests/CMakeLists.txt:
--binary, --repo and --work, as absolute paths; the work folder made empty."""
import argparse
import os
import shutil


def parse(add=None, fresh_work=True):
    """Parses the common options (and those `add(parser)` adds); empties --work."""
    ap = argparse.ArgumentParser()
    for option in ("--binary", "--repo", "--work"):
        ap.add_argument(option, required=True, type=os.path.abspath)
    if add:
        add(ap)
    a = ap.parse_args()
    if fresh_work:
        shutil.rmtree(a.work, ignore_errors=True)
        os.makedirs(a.work)
    return a
