"""The one error hierarchy.

Each subclass is one kind of failure. Its docstring says what it means; the sentence a user reads
lives in :mod:`kithkin.messages` under the class's ``key``, formatted with the keyword arguments
the error was raised with. Interfaces map the three families to exit codes and HTTP statuses in
one place each.
"""

from __future__ import annotations

from typing import Any, ClassVar


class KithkinError(Exception):
    """Something kithkin could not do."""

    key: ClassVar[str] = "error"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        from kithkin.messages import error_text

        return error_text(self.key, **self.params)


class InputError(KithkinError):
    """The user gave a value that is not allowed (exit 2, HTTP 422)."""

    key = "bad_input"


class NotFoundError(KithkinError):
    """A thing the user referred to does not exist (exit 1, HTTP 404)."""

    key = "not_found"


class ConflictError(KithkinError):
    """The request is valid but clashes with what is stored (exit 1, HTTP 409)."""

    key = "conflict"


class OutOfRange(InputError):
    """A number lies outside its allowed range."""

    key = "out_of_range"


class BadChoice(InputError):
    """A value is not one of the allowed choices."""

    key = "bad_choice"


class BadDate(InputError):
    """A date or time could not be understood."""

    key = "bad_date"


class NonexistentLocalTime(InputError):
    """A local time falls in a daylight-saving gap and never happened."""

    key = "nonexistent_time"


class InFuture(InputError):
    """Something to be logged as done lies in the future."""

    key = "in_future"


class UnknownTimezone(InputError):
    """A time zone name is not in the IANA database."""

    key = "unknown_timezone"


class UnknownName(InputError):
    """No active person matches a name."""

    key = "unknown_name"


class AmbiguousName(InputError):
    """Several people match a name."""

    key = "ambiguous_name"


class EmptyValue(InputError):
    """A required text value is empty."""

    key = "empty_value"


class TooLong(InputError):
    """A text value is longer than allowed."""

    key = "too_long"


class PersonNotFound(NotFoundError):
    """No person has this id."""

    key = "person_not_found"


class FollowUpNotFound(NotFoundError):
    """No follow-up has this id."""

    key = "followup_not_found"


class CircleNotFound(NotFoundError):
    """No circle has this name."""

    key = "circle_not_found"


class DuplicateName(ConflictError):
    """The name is already taken."""

    key = "duplicate_name"


class NotInitialised(ConflictError):
    """The database has no profile yet."""

    key = "not_initialised"


class DatabaseUnavailable(KithkinError):
    """The database could not be opened."""

    key = "database_unavailable"


# --- trust-a ---
class CheckInNeedsMoodStress(InputError):
    """The day's first check-in came without mood or stress."""

    key = "checkin_needs_mood_stress"


class ClearAndSet(InputError):
    """One check-in field was both given a value and asked to be cleared."""

    key = "clear_and_set"


class NotClearable(InputError):
    """A check-in field that cannot be removed was asked to be cleared."""

    key = "not_clearable"
