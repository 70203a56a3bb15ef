"""
Start Ralph's LRS (file-system backend, basic auth) on loopback. Run with the Python of Ralph's own
virtual environment (``.venv-ralph``, ``make ralph``), never ours: ``make lrs`` and the xAPI tests
(tests/xapi/conftest.py) do.

One patch, measured on ``ralph-malph`` 5.1.0: the file-system LRS backend writes every batch with
the data backend's default operation, ``index``, which refuses a file that exists, so every POST
after the first answers 500. Here its ``write`` appends instead (``BaseOperationType.APPEND``), as
an LRS must. Nothing else of Ralph is changed: validation, de-duplication of identical re-posts,
409 on differing statements with the same id and basic auth are Ralph's own.
"""

import argparse
import json
import os
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data", required=True, help="folder for the statements file and auth.json")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()

    data = Path(args.data).resolve()
    data.mkdir(parents=True, exist_ok=True)
    auth_file = data / "auth.json"
    import bcrypt

    auth_file.write_text(
        json.dumps(
            [
                {
                    "username": args.username,
                    "hash": bcrypt.hashpw(args.password.encode(), bcrypt.gensalt()).decode(),
                    "scopes": ["all"],
                    "agent": {"account": {"homePage": "http://127.0.0.1", "name": args.username}},
                }
            ]
        )
    )
    os.environ.update(
        {
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data),
            "RALPH_AUTH_FILE": str(auth_file),
            "RALPH_APP_DIR": str(data),
            "RALPH_HISTORY_FILE": str(data / "history.json"),
        }
    )

    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    original_write = FSLRSBackend.write

    def append(self, data, target=None, chunk_size=None, ignore_errors=False, operation_type=None):
        return original_write(
            self, data, target, chunk_size, ignore_errors, operation_type or BaseOperationType.APPEND
        )

    FSLRSBackend.write = append

    import uvicorn

    uvicorn.run("ralph.api:app", host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
