"""HTML for wellbeing questionnaires: take one (radio groups), see the score, history, schedule."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from kithkin.domain import questionnaires as q
from kithkin.domain.errors import InputError
from kithkin.formats.files import write_private_text
from kithkin.services.ports import UnitOfWork
from kithkin.services.questionnaires import due, history, result, schedule, set_schedule, take
from kithkin.web import forms
from kithkin.web.deps import AppDep, Form, Now, ReadUow, WriteUow
from kithkin.web.insights.instruments import (
    ItemPlaces,
    Offer,
    item_path,
    local_today,
    offer,
    offers,
)
from kithkin.web.render import redirect, render

router = APIRouter(include_in_schema=False)


class AnswerMissing(InputError):
    """A question of the questionnaire was left unanswered."""

    key = "answer_missing"


def assess_context(
    uow: UnitOfWork, now: Any, places: ItemPlaces, errors: dict[str, str] | None = None
) -> dict[str, Any]:
    return {
        "offers": offers(places),
        "due": due(uow=uow, today=local_today(uow, now)),
        "history": list(reversed(history(uow=uow))),
        "schedule": schedule(uow=uow),
        "instruments": q.INSTRUMENTS,
        "errors": errors or {},
    }


@router.get("/assess")
def assess_page(request: Request, app: AppDep, uow: ReadUow, now: Now) -> Response:
    context = assess_context(uow, now, app.item_places())
    saved = request.query_params.get("saved", "")
    context["flash"] = {"schedule": "web.assess.schedule_saved", "undone": "web.flash.undone"}.get(
        saved
    )
    return render(request, "assess.html", context)


@router.post("/assess/schedule")
def schedule_post(request: Request, app: AppDep, form: Form, uow: WriteUow, now: Now) -> Response:
    instrument_id = forms.text(form, "instrument")
    try:
        every = forms.opt_int(form, "every_days", label="every")
        set_schedule(uow=uow, instrument_id=instrument_id, every_days=every or 0)
    except InputError as exc:
        key = f"every-{instrument_id}" if instrument_id in q.INSTRUMENTS else "schedule"
        context = assess_context(uow, now, app.item_places(), {key: exc.message})
        return render(request, "assess.html", {**context, "flash": None}, status=422)
    return redirect("/assess?saved=schedule#schedule")


def _offer_or_404(places: ItemPlaces, instrument_id: str) -> Offer:
    try:
        return offer(places, instrument_id)
    except q.UnknownInstrument:
        raise HTTPException(404) from None


@router.get("/assess/{instrument_id}")
def take_page(request: Request, instrument_id: str, app: AppDep) -> Response:
    found = _offer_or_404(app.item_places(), instrument_id)
    saved = request.query_params.get("items") == "saved"
    context = {"offer": found, "errors": {}, "values": {}, "items_saved": saved}
    return render(request, "assess_take.html", context)


@router.post("/assess/{instrument_id}/items")
def items_post(request: Request, instrument_id: str, *, app: AppDep, form: Form) -> Response:
    """The user's copy of the questions, pasted once: checked (the right number), then saved
    where the CLI's ``assess take`` reads them (``<data dir>/items/``)."""
    found = _offer_or_404(app.item_places(), instrument_id)
    pasted = forms.text(form, "items")
    try:
        items = q.parse_item_text(found.instrument.id, pasted)
        header = f"# {found.instrument.name}: the user's own copy, pasted in kithkin's web app\n"
        path = item_path(app.item_places(), found.instrument.id)
        write_private_text(path, header + "\n".join(items) + "\n")
        with app.uow(write=True) as uow:  # Today's cached pages (every process) read afresh
            uow.touch()
            uow.commit()
    except InputError as exc:
        errors = {f"items-{found.instrument.id}": exc.message}
        context = {"offer": found, "errors": errors, "values": {"items": pasted}}
        return render(request, "assess_take.html", context, status=422)
    return redirect(f"/assess/{found.instrument.id}?items=saved")


def _answers(form: Any, inst: q.Instrument) -> list[int]:
    """One answer per question, from radio groups named ``q1``..``qN``."""
    answers = []
    for number in range(1, inst.n_items + 1):
        raw = forms.text(form, f"q{number}")
        if not raw.isdigit():
            raise AnswerMissing(item=number)
        answers.append(int(raw))
    return answers


@router.post("/assess/{instrument_id}")
def take_post(
    request: Request, instrument_id: str, *, app: AppDep, form: Form, uow: WriteUow, now: Now
) -> Response:
    found = _offer_or_404(app.item_places(), instrument_id)
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        answers = _answers(form, found.instrument)
        done = take(uow=uow, now=now, instrument_id=found.instrument.id, answers=answers)
    except InputError as exc:
        item = exc.params.get("item")
        key = f"q{item}" if isinstance(item, int) else "form"
        context = {"offer": found, "errors": {key: exc.message}, "values": values}
        return render(request, "assess_take.html", context, status=422)
    # Post/Redirect/Get: reloading the result shows it again instead of storing it twice.
    return redirect(f"/assess/{found.instrument.id}/result/{done.response.id}")


@router.get("/assess/{instrument_id}/result/{response_id}")
def result_page(
    request: Request, instrument_id: str, response_id: int, *, app: AppDep, uow: ReadUow
) -> Response:
    found = _offer_or_404(app.item_places(), instrument_id)
    done = result(uow=uow, instrument_id=found.instrument.id, response_id=response_id)
    if done is None:
        raise HTTPException(404)
    context = {"offer": found, "done": done, "instrument": found.instrument}
    return render(request, "assess_result.html", context)
