"""Contact-file uploads: a size-capped multipart body, parsing (as the CLI does) and the import.

The body is read with a cap before any parsing, so an oversized upload is refused without
spooling it to disk; the parsing itself uses :mod:`kithkin.formats`, the import the same
:func:`kithkin.services.contacts_import.import_contacts` the CLI calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from kithkin.bootstrap import App
from kithkin.domain.errors import InputError
from kithkin.formats.contacts import ContactRecord, Problem, bad_records
from kithkin.services.contacts_import import ImportReport, import_contacts
from kithkin.web.security import check_form_token

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the small fields beside the file
KINDS = ("vcard", "google", "outlook", "linkedin")


class UploadTooLarge(InputError):
    """An uploaded file is over the size limit."""

    key = "upload_too_large"


class UploadMissing(InputError):
    """An import was asked for without a file."""

    key = "upload_missing"


@dataclass(frozen=True, slots=True)
class Upload:
    """What the import form or the API sent: the file's bytes and the chosen options."""

    data: bytes
    kind: str  # one of KINDS
    skip_bad: bool
    dry_run: bool


def too_large() -> UploadTooLarge:
    return UploadTooLarge(limit_mb=MAX_UPLOAD_BYTES // (1024 * 1024))


@dataclass(frozen=True, slots=True)
class UploadForm:
    """A parsed upload form: its text fields, and each file's name and bytes."""

    fields: FormData
    files: dict[str, tuple[str, bytes]]

    def file(self, name: str = "file", *, limit: int = MAX_UPLOAD_BYTES) -> bytes:
        filename, data = self.files.get(name, ("", b""))
        if not filename or not data:
            raise UploadMissing()
        if len(data) > limit:
            raise too_large()
        return data


async def capped_form(request: Request, *, limit: int = MAX_UPLOAD_BYTES) -> UploadForm:
    """The multipart form, refused with :class:`UploadTooLarge` once the body passes ``limit``
    (checked against Content-Length first, then while reading)."""
    cap = limit + FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise too_large()
        chunks.append(chunk)
    body = b"".join(chunks)

    async def replay() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=1, max_fields=20)
    try:
        fields = FormData([(k, v) for k, v in form.multi_items() if isinstance(v, str)])
        files = {
            k: (v.filename or "", await v.read())
            for k, v in form.multi_items()
            if isinstance(v, UploadFile)
        }
    finally:
        await form.close()
    return UploadForm(fields, files)


def check_csrf(request: Request, form: FormData) -> None:
    """The same check as every other form (a multipart body is parsed here, not by FastAPI)."""
    check_form_token(request, form)


def parse(kind: str, data: bytes) -> tuple[list[ContactRecord], list[Problem]]:
    """vCard or one of the CSV formats; an unknown ``kind`` raises BadChoice (422)."""
    if kind == "vcard":
        from kithkin.formats.vcard import parse_vcards

        return parse_vcards(data)
    from kithkin.formats.contacts_csv import parse_csv

    return parse_csv(data, kind)


def run_import(app: App, now: datetime, upload: Upload) -> ImportReport:
    """Parse and import in one unit of work (a dry run opens a read-only one)."""
    records, problems = parse(upload.kind, upload.data)
    with app.uow(write=not upload.dry_run) as uow:
        return import_contacts(
            uow=uow,
            now=now,
            records=records,
            problems=bad_records(problems),
            skip_bad=upload.skip_bad,
            dry_run=upload.dry_run,
        )
