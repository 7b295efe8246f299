"""HTML for the exposure ladder: build it, record attempts before and after, move by choice."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.errors import ConflictError, InputError, KithkinError
from kithkin.domain.ladder import MAX_STEPS, MIN_STEPS, CameTrue, Step
from kithkin.formats.svg import Series, line_chart
from kithkin.messages import text
from kithkin.services.ladders import (
    LadderView,
    NoLadder,
    checked_step,
    create_ladder_from_steps,
    move_back,
    move_up,
    record_after,
    record_before,
    show_ladder,
)
from kithkin.services.planning_ports import PlanningUnitOfWork
from kithkin.web import forms
from kithkin.web.deps import Form, Now
from kithkin.web.errors import status_for
from kithkin.web.plan.deps import PlanReadUow, PlanWriteUow
from kithkin.web.render import redirect, render

router = APIRouter(include_in_schema=False)

FLASH = {
    "created": "web.ladder.created",
    "before": "web.ladder.before_saved",
    "after": "web.ladder.after_saved",
    "up": "web.ladder.moved_up",
    "back": "web.ladder.moved_back",
    "undone": "web.flash.undone",  # the flash's Undo comes back here
}
BEFORE_FIELDS = {
    "step": "step",
    "prediction": "prediction",
    "belief before": "belief",
    "predicted peak": "predicted_peak",
}
AFTER_FIELDS = {"peak": "peak", "belief after": "belief_after", "came true": "came_true"}


class MissingNumber(InputError):
    """A number the form needs was left empty."""

    key = "missing_number"


def chart(view: LadderView) -> str:
    """Predicted against actual anxiety peaks, one point per completed attempt."""
    predicted = tuple((p.day, float(p.predicted_peak)) for p in view.trend)
    actual = tuple((p.day, float(p.actual_peak)) for p in view.trend)
    return line_chart(
        [Series("Predicted peak", predicted), Series("Actual peak", actual)],
        title=text("ladder.trend_header"),
        description=text("web.ladder.chart_desc"),
        y_label="Anxiety 0-100",
        y_min=0,
        y_max=100,
        width=360,
        height=240,
        id_prefix="ladder-chart",
        empty_text=text("web.ladder.chart_empty"),
    )


def _view_or_none(uow: PlanningUnitOfWork) -> LadderView | None:
    try:
        return show_ladder(uow=uow)
    except NoLadder:
        return None


def ladder_context(
    request: Request,
    uow: PlanningUnitOfWork,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    message: str | None = None,
) -> dict[str, Any]:
    view = _view_or_none(uow)
    open_attempts = [a for a in view.attempts if not a.attempt.completed] if view else []
    return {
        "view": view,
        "open_attempts": open_attempts,
        "chart": chart(view) if view else "",
        "errors": errors or {},
        "values": values or {},
        "message": message,
        "flash": FLASH.get(request.query_params.get("saved", "")),
        "came_true": list(CameTrue),
        "min_steps": MIN_STEPS,
        "max_steps": MAX_STEPS,
    }


@router.get("/ladder")
def ladder_page(request: Request, uow: PlanReadUow) -> Response:
    return render(request, "ladder.html", ladder_context(request, uow))


def _failed(request: Request, uow: Any, exc: KithkinError, **kwargs: Any) -> Response:
    context = ladder_context(request, uow, **kwargs)
    context["flash"] = None
    return render(request, "ladder.html", context, status=status_for(exc))


class _RowProblem(Exception):
    """A step row of the form is not valid: which field, and the error to show beside it."""

    def __init__(self, field: str, error: InputError) -> None:
        super().__init__(field)
        self.field, self.error = field, error


def _steps(form: Any) -> list[Step]:
    """The filled rows of the form, each checked; a row left wholly empty is skipped."""
    steps = []
    for i in range(1, MAX_STEPS + 1):
        description, fear = forms.text(form, f"d{i}"), forms.text(form, f"f{i}")
        if not (description or fear or forms.text(form, f"a{i}")):
            continue
        try:
            anxiety = _required(form, f"a{i}", "predicted anxiety")
        except InputError as exc:
            raise _RowProblem(f"a{i}", exc) from None
        try:
            steps.append(checked_step(description, fear, anxiety))
        except InputError as exc:
            named = str(exc.params.get("field", ""))
            field = {"predicted anxiety": f"a{i}", "feared prediction": f"f{i}"}.get(named, f"d{i}")
            raise _RowProblem(field, exc) from None
    return steps


@router.post("/ladder")
def ladder_create(request: Request, form: Form, uow: PlanWriteUow, now: Now) -> Response:
    values = {"create": forms.values(form)}
    try:
        steps = _steps(form)
        create_ladder_from_steps(uow=uow, now=now, goal=forms.text(form, "goal"), steps=steps)
    except _RowProblem as problem:
        errors = {problem.field: problem.error.message}
        return _failed(request, uow, problem.error, errors=errors, values=values)
    except InputError as exc:
        errors = forms.field_errors(exc, {"ladder goal": "goal"}, fallback="steps")
        return _failed(request, uow, exc, errors=errors, values=values)
    return redirect("/ladder?saved=created")


@router.post("/ladder/attempts")
def attempt_before(request: Request, form: Form, uow: PlanWriteUow, now: Now) -> Response:
    try:
        record_before(
            uow=uow,
            now=now,
            step=forms.req_int(form, "step", default=0),
            prediction=forms.text(form, "prediction"),
            belief=_required(form, "belief", "belief before"),
            predicted_peak=_required(form, "predicted_peak", "predicted peak"),
        )
    except InputError as exc:
        errors = forms.field_errors(exc, BEFORE_FIELDS, fallback="step")
        values = forms.values(form)
        return _failed(request, uow, exc, errors=errors, values={"before": values})
    return redirect("/ladder?saved=before#attempts")


def _required(form: Any, name: str, label: str) -> int:
    value = forms.opt_int(form, name, label=label)
    if value is None:
        raise MissingNumber(field=label)
    return value


@router.post("/ladder/attempts/{attempt_id}/after")
def attempt_after(
    request: Request, attempt_id: int, form: Form, uow: PlanWriteUow, now: Now
) -> Response:
    try:
        record_after(
            uow=uow,
            now=now,
            attempt_id=attempt_id,
            peak=_required(form, "peak", "peak"),
            happened=forms.text(form, "happened"),
            came_true=forms.text(form, "came_true"),
            belief_after=_required(form, "belief_after", "belief after"),
            learned=forms.text(form, "learned"),
        )
    except (InputError, ConflictError) as exc:
        found = (
            forms.field_errors(exc, AFTER_FIELDS, fallback="after")
            if isinstance(exc, InputError)
            else {"after": exc.message}
        )
        errors = {f"{k}-{attempt_id}": v for k, v in found.items()}
        values = forms.values(form)
        return _failed(request, uow, exc, errors=errors, values={f"after-{attempt_id}": values})
    return redirect("/ladder?saved=after#trend")


@router.post("/ladder/up")
def ladder_up(request: Request, _form: Form, uow: PlanWriteUow) -> Response:
    try:
        move_up(uow=uow)
    except ConflictError as exc:  # not offered yet: a gentle word, never a push
        return _failed(request, uow, exc, message=exc.message)
    return redirect("/ladder?saved=up")


@router.post("/ladder/back")
def ladder_back(_form: Form, uow: PlanWriteUow) -> Response:
    move_back(uow=uow)
    return redirect("/ladder?saved=back")
