"""The plan as plain text lines: the command's report (the admin shows the same in a template)."""

from .planning import LABELS, Plan


def _show(value) -> str:
    if value is None or value == "":
        return "(none)"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def report_lines(plan: Plan) -> list[str]:
    counts = plan.counts()
    lines = [
        "{rows} rows: {create} to create, {update} to update ({move} moving unit), {deactivate} to deactivate, "
        "{units_to_create} units to create, {errors} row errors.".format(**counts)
    ]
    for error in plan.errors:
        lines.append(f"Row {error.row}: {error.message}")
    for path in plan.units_to_create:
        lines.append(f"New unit: {path}")
    for person in plan.creates:
        lines.append(f"Create (row {person.row}): {person.name} ({person.key}) in {person.values['unit']}")
    for person in plan.updates:
        changes = "; ".join(
            f"{LABELS[name]}: {_show(old)} → {_show(new)}" for name, (old, new) in person.changes.items()
        )
        lines.append(f"Update (row {person.row}): {person.name} ({person.key}): {changes or 'no field changes'}")
    for person in plan.deactivations:
        why = f"row {person.row}, leaving date passed" if person.row else "not in the full file"
        lines.append(f"Deactivate ({why}): {person.name} ({person.key})")
    return lines
