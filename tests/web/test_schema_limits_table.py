"""Every limit a web request model declares comes from the domain's table (issue #11): each
``max_length``, ``min_length`` above 1, and each ``ge``/``le`` bound of every model in
``web.schemas``, ``web.plan.schemas`` and ``web.changes.api`` is a value of
``kithkin.domain.limits``, and a field bounded on both sides has one of the table's ranges (or
is a 1-based position up to a range's top). A limit typed into a schema fails here."""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any

import annotated_types as at
import pytest
from pydantic import BaseModel

from kithkin.domain import limits
from kithkin.web import schemas
from kithkin.web.changes import api as changes_api
from kithkin.web.plan import schemas as plan_schemas

MODULES = [schemas, plan_schemas, changes_api]
TABLE = {name: value for name, value in vars(limits).items() if name.isupper()}
LENGTHS = {v for v in TABLE.values() if isinstance(v, int)}
RANGES = {v for v in TABLE.values() if isinstance(v, tuple)}
BOUNDS = LENGTHS | {bound for pair in RANGES for bound in pair}


def _models(module: ModuleType) -> list[type[BaseModel]]:
    return [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, BaseModel)
        and obj.__module__ == module.__name__
        and obj.model_fields
    ]


def _limits(model: type[BaseModel]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for name, field in model.model_fields.items():
        got: dict[str, Any] = {}
        for item in field.metadata:
            for kind in ("max_length", "min_length", "ge", "le", "gt", "lt"):
                if isinstance(
                    item,
                    getattr(
                        at,
                        {
                            "max_length": "MaxLen",
                            "min_length": "MinLen",
                            "ge": "Ge",
                            "le": "Le",
                            "gt": "Gt",
                            "lt": "Lt",
                        }[kind],
                    ),
                ):
                    got[kind] = getattr(item, kind)
        if got:
            found.append((f"{model.__name__}.{name}", got))
    return found


FIELDS = [entry for module in MODULES for model in _models(module) for entry in _limits(model)]


def test_the_models_declare_limits() -> None:
    assert len(FIELDS) > 40  # the walk finds the models (a broken walk would pass everything)
    assert "LadderIn.goal" in dict(FIELDS)


@pytest.mark.parametrize(("where", "bounds"), FIELDS, ids=[w for w, _ in FIELDS])
def test_every_limit_is_the_domain_tables(where: str, bounds: dict[str, Any]) -> None:
    assert "gt" not in bounds and "lt" not in bounds, f"{where}: use ge/le from domain.limits"
    if "max_length" in bounds:
        assert bounds["max_length"] in LENGTHS | BOUNDS, f"{where}: {bounds}"
    if bounds.get("min_length", 1) > 1:
        assert bounds["min_length"] in BOUNDS, f"{where}: {bounds}"
    if "ge" in bounds and "le" in bounds:
        pair = (bounds["ge"], bounds["le"])
        tops = {high for _, high in RANGES}
        assert pair in RANGES or (pair[0] == 1 and pair[1] in tops), f"{where}: {pair}"
    else:
        for side in ("ge", "le"):
            if side in bounds:
                assert bounds[side] in BOUNDS, f"{where}: {bounds}"


def test_the_ladder_api_agrees_with_the_domain() -> None:
    """The values the domain checks (``domain.ladder`` and ``services.ladders``)."""
    fields = dict(FIELDS)
    assert fields["LadderIn.goal"]["max_length"] == limits.LADDER_GOAL
    assert fields["StepIn.description"]["max_length"] == limits.STEP_DESCRIPTION
    assert fields["StepIn.feared_prediction"]["max_length"] == limits.FEARED_PREDICTION
    assert fields["BeforeIn.prediction"]["max_length"] == limits.PREDICTION
    assert fields["AfterIn.happened"]["max_length"] == limits.ATTEMPT_TEXT
    assert fields["AfterIn.learned"]["max_length"] == limits.ATTEMPT_TEXT
    assert (fields["StepIn.predicted_anxiety"]["ge"], fields["StepIn.predicted_anxiety"]["le"]) == (
        limits.SUDS
    )
    assert (fields["LadderIn.steps"]["min_length"], fields["LadderIn.steps"]["max_length"]) == (
        limits.LADDER_STEPS
    )


def test_the_domain_refuses_what_the_ladder_api_refuses() -> None:
    """The command line and the form refuse a feared prediction the API refuses (they took any
    length before)."""
    from kithkin.domain.errors import TooLong
    from kithkin.services.ladders import checked_step

    assert checked_step("Say hi", "f" * limits.FEARED_PREDICTION, 10).feared_prediction
    with pytest.raises(TooLong):
        checked_step("Say hi", "f" * (limits.FEARED_PREDICTION + 1), 10)
    with pytest.raises(TooLong):
        checked_step("d" * (limits.STEP_DESCRIPTION + 1), "", 10)
