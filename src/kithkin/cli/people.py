"""`kithkin people ...` and `kithkin circles ...`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.ask import ask_number, interactive
from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say, table
from kithkin.domain.errors import InputError
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.bootstrap import App

people_app = typer.Typer(help="The people who matter to you.", no_args_is_help=True)
circles_app = typer.Typer(
    help="Circles and their keep-in-touch cadence.", invoke_without_command=True
)

Circle = Annotated[str | None, typer.Option(help="inner, close, friends, wider, or your own.")]
Cadence = Annotated[int | None, typer.Option(help="Own cadence in days (overrides the circle).")]
Closeness = Annotated[int | None, typer.Option(help="How close you are, 1-5.")]
Feeling = Annotated[str | None, typer.Option(help="energising, neutral or draining.")]
Tz = Annotated[str | None, typer.Option("--timezone", help="Their time zone, e.g. Asia/Tokyo.")]
Bday = Annotated[str | None, typer.Option(help="YYYY-MM-DD, or MM-DD without the year.")]
Interest = Annotated[list[str] | None, typer.Option("--interest", help="Repeatable.")]
Contact = Annotated[list[str] | None, typer.Option(help="Repeatable.")]


def _card(help_text: str, flag: str | None = None) -> Any:
    """An address-book field (vCard N, ORG, TITLE, a birthday in words): text as written."""
    return typer.Option(*([flag] if flag else []), help=help_text)


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def birthday_words(value: object) -> str | None:
    """'--05-04' or '1990-05-04' (as stored and in JSON) -> '4 May' / '4 May 1990'."""
    if not isinstance(value, str) or not value:
        return None
    parts = value.lstrip("-").split("-")
    try:
        *year, month, day = (int(p) for p in parts)
        words = f"{day} {MONTHS[month - 1]}"
    except (ValueError, IndexError):
        return value
    return f"{words} {year[0]}" if year else words


def _contacts(
    emails: list[str] | None, phones: list[str] | None, handles: list[str] | None
) -> list[str] | None:
    items = [f"email:{e}" for e in emails or []]
    items += [f"phone:{p}" for p in phones or []]
    items += [f"handle:{h}" for h in handles or []]
    return items or None


class NewCircle(InputError):
    """``--circle NAME`` for a circle that does not exist, and it was not made here."""

    key = "circle_new"


def new_circle_days(app: App, circle: str | None) -> int | None:
    """The cadence of a circle to make for ``--circle``: None when it exists (or no circle is
    named). At a terminal, offers to make it (and asks its cadence); otherwise, or when the
    answer is no, says how to make one (exit 2, nothing written)."""
    from kithkin.services.people import list_circles

    if circle is None or circle.strip().lower() in ("", "none"):
        return None
    with app.uow() as uow:
        names = [c.name for c in list_circles(uow=uow)]
    if circle.strip().lower() in names:
        return None
    if interactive() and typer.confirm(text("circle.ask_create", name=circle), default=True):
        return ask_number(text("circle.ask_days", name=circle), 1, 3650, 30)
    import shlex

    raise NewCircle(name=circle, quoted=shlex.quote(circle), allowed=", ".join(names))


def _show_person_line(data: dict[str, Any]) -> None:
    say(text("person.added", name=data["name"], circle=data["circle"] or "no circle"))


@people_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Their full name.")],
    nickname: Annotated[str | None, typer.Option(help="What you call them.")] = None,
    circle: Circle = "friends",
    cadence: Cadence = None,
    closeness: Closeness = None,
    feeling: Feeling = None,
    timezone: Tz = None,
    birthday: Bday = None,
    interest: Interest = None,
    how_met: Annotated[str | None, typer.Option(help="How you met.")] = None,
    notes: Annotated[str | None, typer.Option(help="What matters to them.")] = None,
    email: Contact = None,
    phone: Contact = None,
    handle: Contact = None,
    force: Annotated[
        bool, typer.Option("--force", help="Add them even if they look like someone you have.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Add someone (warns about a likely duplicate: same or compatible name, e-mail or phone)."""
    from kithkin.services.corrections import check_not_duplicate
    from kithkin.services.people import add_person, person_detail, stage_circle

    app = _state(ctx).app
    if not force:  # before asking anything about the circle
        with app.uow() as uow:
            check_not_duplicate(uow=uow, name=name, contacts=_contacts(email, phone, handle))
    days = new_circle_days(app, circle)
    with app.uow(write=True) as uow:
        if not force:
            check_not_duplicate(uow=uow, name=name, contacts=_contacts(email, phone, handle))
        if days is not None and circle is not None:
            stage_circle(uow=uow, name=circle, cadence_days=days)
        person = add_person(
            uow=uow,
            now=app.now(),
            name=name,
            nickname=nickname,
            circle=circle,
            cadence_days=cadence,
            closeness=closeness,
            feeling=feeling,
            timezone=timezone,
            birthday=birthday,
            interests=interest,
            how_met=how_met,
            notes=notes,
            contacts=_contacts(email, phone, handle),
        )
        assert person.id is not None
        data = person_detail(uow=uow, ref=person.id, now=app.now()).as_dict()
    if json_out:
        emit_json(data)
    else:
        _show_person_line(data)


@people_app.command("list")
def list_(
    ctx: typer.Context,
    circle: Annotated[str | None, typer.Option(help="Only this circle.")] = None,
    due: Annotated[bool, typer.Option("--due", help="Only people due a hello.")] = False,
    search: Annotated[str | None, typer.Option(help="Part of a name.")] = None,
    triage: Annotated[
        bool, typer.Option("--triage", help="Imported people awaiting triage.")
    ] = False,
    archived: Annotated[bool, typer.Option("--archived", help="Include archived people.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many.")] = 0,
    json_out: JsonOpt = False,
) -> None:
    """Your people, with their cadence and who is due."""
    from kithkin.services.people import list_people
    from kithkin.services.ports import PeopleQuery

    app = _state(ctx).app
    query = PeopleQuery(
        status="triage" if triage else "active",
        circle=circle.lower() if circle else None,
        search=search,
        include_archived=archived,
        limit=limit,
        offset=offset,
    )
    with app.uow() as uow:
        rows = list_people(uow=uow, now=app.now(), query=query, due_only=due)
    if json_out:
        emit_json([r.as_dict() for r in rows])
        return
    if not rows:
        filtered = circle or due or search or triage or offset
        say(text("people.none_match" if filtered else "people.none_yet"))
        return
    table(
        None,
        ["#", "name", "circle", "every", "last", "due"],
        [
            [
                r.person.id,
                r.person.name + (" (archived)" if r.person.archived else ""),
                r.person.circle or "-",
                f"{r.cadence_days}d" if r.cadence_days else "-",
                _since(r.days_since),
                "due" if r.due else "",
            ]
            for r in rows
        ],
    )


def _since(days: int | None) -> str:
    if days is None:
        return text("today.never")
    return text("people.last_today") if days == 0 else f"{days}d ago"


@people_app.command("show")
def show(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Name or #id.")],
    json_out: JsonOpt = False,
) -> None:
    """Everything you remember about someone, and your recent history."""
    from kithkin.services.people import person_detail

    app = _state(ctx).app
    with app.uow() as uow:
        data = person_detail(uow=uow, ref=person, now=app.now()).as_dict()
    if json_out:
        emit_json(data)
        return
    from kithkin.cli.render import console

    out = console()
    out.print(
        f"[bold]{data['name']}[/bold] (#{data['id']})"
        + (f" '{data['nickname']}'" if data["nickname"] else "")
    )
    facts = [
        ("circle", data["circle"]),
        ("every", f"{data['cadence_days']} days" if data["cadence_days"] else None),
        ("last in touch", data["last_contact"]),
        ("closeness", data["closeness"]),
        ("leaves you feeling", data["feeling"]),
        ("time zone", data["timezone"]),
        ("birthday", birthday_words(data["birthday"])),
        ("birthday in words", data["birthday_text"]),
        (
            "full name",
            " ".join(
                data[k]
                for k in (
                    "name_prefix",
                    "given_name",
                    "additional_names",
                    "family_name",
                    "name_suffix",
                )
                if data[k]
            ),
        ),
        (
            "work",
            ", ".join(data[k] for k in ("job_title", "department", "organisation") if data[k]),
        ),
        ("interests", ", ".join(data["interests"])),
        ("how you met", data["how_met"]),
        ("notes", data["notes"]),
        ("contacts", ", ".join(c["value"] for c in data["contacts"])),
    ]
    for label, value in facts:
        if value:
            out.print(f"  {label}: {value}", markup=False)
    for f in data["followups"]:
        out.print(
            f"  follow-up #{f['id']}: {f['text']}" + (f" (by {f['due']})" if f["due"] else ""),
            markup=False,
        )
    if data["timeline"]:
        from kithkin.domain.model import KINDS

        def kind(key: str) -> str:
            return KINDS[key].label if key in KINDS else key

        table(
            None,
            ["day", "kind", "min", "note"],
            [[i["day"], kind(i["kind"]), i["minutes"], i["note"]] for i in data["timeline"]],
        )


@people_app.command("edit")
def edit(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Name or #id.")],
    name: Annotated[str | None, typer.Option(help="New full name.")] = None,
    nickname: Annotated[str | None, typer.Option(help="What you call them.")] = None,
    circle: Circle = None,
    cadence: Cadence = None,
    closeness: Closeness = None,
    feeling: Feeling = None,
    timezone: Tz = None,
    birthday: Bday = None,
    interest: Interest = None,
    how_met: Annotated[str | None, typer.Option(help="How you met.")] = None,
    notes: Annotated[str | None, typer.Option(help="What matters to them.")] = None,
    email: Contact = None,
    phone: Contact = None,
    handle: Contact = None,
    family_name: Annotated[str | None, _card("Family name.")] = None,
    given_name: Annotated[str | None, _card("Given name.")] = None,
    additional_names: Annotated[str | None, _card("Middle names.")] = None,
    name_prefix: Annotated[str | None, _card("Before the name: Dr., Mx.", "--prefix")] = None,
    name_suffix: Annotated[str | None, _card("After the name: Jr., III.", "--suffix")] = None,
    organisation: Annotated[str | None, _card("Where they work.")] = None,
    department: Annotated[str | None, _card("Their department.")] = None,
    job_title: Annotated[str | None, _card("Their job title.", "--title")] = None,
    birthday_text: Annotated[
        str | None, _card("A birthday in words ('circa 1800'), beside or instead of --birthday.")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Change what you remember about someone (contacts given replace the old ones; '' empties
    a name part, the organisation, department, title or birthday in words)."""
    from kithkin.services.people import edit_person, person_detail, stage_circle

    app = _state(ctx).app
    days = new_circle_days(app, circle)
    with app.uow(write=True) as uow:
        if days is not None and circle is not None:
            stage_circle(uow=uow, name=circle, cadence_days=days)
        updated = edit_person(
            uow=uow,
            now=app.now(),
            ref=person,
            name=name,
            nickname=nickname,
            circle=circle,
            cadence_days=cadence,
            closeness=closeness,
            feeling=feeling,
            timezone=timezone,
            birthday=birthday,
            interests=interest,
            how_met=how_met,
            notes=notes,
            contacts=_contacts(email, phone, handle),
            family_name=family_name,
            given_name=given_name,
            additional_names=additional_names,
            name_prefix=name_prefix,
            name_suffix=name_suffix,
            organisation=organisation,
            department=department,
            job_title=job_title,
            birthday_text=birthday_text,
        )
        assert updated.id is not None
        data = person_detail(uow=uow, ref=updated.id, now=app.now()).as_dict()
    if json_out:
        emit_json(data)
    else:
        say(text("person.updated", name=data["name"]))


@people_app.command("archive")
def archive(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Name or #id.")],
    undo: Annotated[bool, typer.Option("--undo", help="Bring them back.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Archive someone: their history stays, they leave your plan."""
    from kithkin.services.people import archive_person

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        updated = archive_person(uow=uow, ref=person, archived=not undo)
    if json_out:
        emit_json({"id": updated.id, "name": updated.name, "archived": updated.archived})
    elif undo:
        say(text("person.updated", name=updated.name))
    else:
        say(text("person.archived", name=updated.name))


@circles_app.callback()
def circles(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List circles and their cadences."""
    if ctx.invoked_subcommand is not None:
        return
    from kithkin.services.people import list_circles

    app = _state(ctx).app
    with app.uow() as uow:
        found = list_circles(uow=uow)
    if json_out:
        emit_json([{"name": c.name, "cadence_days": c.cadence_days} for c in found])
        return
    table(None, ["circle", "every"], [[c.name, f"{c.cadence_days} days"] for c in found])


@circles_app.command("set")
def circles_set(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Circle name (new or existing).")],
    days: Annotated[int, typer.Argument(help="Keep-in-touch cadence in days.")],
    json_out: JsonOpt = False,
) -> None:
    """Create a circle or change its cadence."""
    from kithkin.services.people import set_circle

    app = _state(ctx).app
    with app.uow(write=True) as uow:
        circle = set_circle(uow=uow, name=name, cadence_days=days)
    if json_out:
        emit_json({"name": circle.name, "cadence_days": circle.cadence_days})
    else:
        say(f"{circle.name}: every {circle.cadence_days} days")


def register(app: typer.Typer) -> None:
    from kithkin.cli.people_merge import merge

    people_app.command("merge")(merge)
    app.add_typer(people_app, name="people")
    app.add_typer(circles_app, name="circles")
