"""
Validate xAPI statements with Ralph's own pydantic model of a generic xAPI 1.0.3 statement
(``ralph.models.xapi.base.statements.BaseXapiStatement``), run with the Python of Ralph's
virtual environment. Reads a JSON list of statements on standard input; prints a JSON list with
one entry per statement: ``null`` when valid, else the validation errors.

Not ``ralph validate -f xapi``: that command looks for one of Ralph's event profiles (video,
navigation, LMS...) and rejects a valid generic statement that matches none of them.
"""

import json
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement


def main() -> None:
    results = []
    for statement in json.load(sys.stdin):
        try:
            BaseXapiStatement.model_validate(statement)
            results.append(None)
        except ValidationError as error:
            results.append(json.loads(error.json(include_url=False)))
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
