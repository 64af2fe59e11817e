"""What the tests of users' record types share: a protest article, an answer citing it,
and a generated record type of a name of its own.

The fake server answers as a model that read the numbered sentences the prompt shows:
it cites the one that says "protested". Written once here, the tests of each round state
only the fields they try.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import create_model, model_validator

from extractor import Record

ARTICLE = (
    "SANTIAGO, Chile - More than 2,000 people protested in Santiago on Sunday against the "
    "pension reform, the Confederation of Workers said. Police used water cannon near the "
    "presidential palace."
)
_NUMBERED = re.compile(r"\[(\d+)\] ([^\[]*)")
_names = itertools.count()


def cited_sentence(body: dict[str, Any]) -> int:
    """The number the prompt of ``body`` gives the sentence that says "protested"."""
    text = " ".join(str(m.get("content")) for m in body["messages"])
    return next(int(n) for n, s in _NUMBERED.findall(text) if "protested" in s)


def answer_citing(values: dict[str, Any]) -> Callable[[dict[str, Any]], str]:
    """A fake model's answer: one record of every type asked for, holding ``values`` and
    citing the sentence that says "protested"."""

    def respond(body: dict[str, Any]) -> str:
        schema = (body.get("response_format") or {}).get("schema") or {}
        record = {
            "status": "occurred",
            "attribution": None,
            "evidence": [cited_sentence(body)],
            **values,
        }
        return json.dumps({plural: [record] for plural in schema.get("properties", {})})

    return respond


def record_type(prefix: str, fields: dict[str, Any], **extra: Any) -> type[Record]:
    """A user's record type holding ``fields`` (name -> (annotation, default)), named
    ``<prefix>_<n>``: answer models are cached by name, so each test type needs its own."""
    kind = f"{prefix}_{next(_names)}"
    return create_model(  # type: ignore[no-any-return]
        "Generated",
        __base__=Record,
        __doc__="People gather in public to demand something.",
        type=(Literal[kind], kind),  # type: ignore[valid-type]
        **fields,
        **extra,
    )


def forgetful(prefix: str, mode: str) -> type[Record]:
    """A type whose model validator (``mode`` "after" or "wrap") forgets ``return self``."""
    if mode == "after":

        def check(self: Any) -> Any:
            self.crowd  # noqa: B018 - looks at the record, returns nothing

        validator = model_validator(mode="after")(check)
    else:

        def check(cls: Any, data: Any, handler: Any) -> Any:
            handler(data)  # validates, forgets to return what it made

        validator = model_validator(mode="wrap")(classmethod(check))  # type: ignore[arg-type]
    return record_type(prefix, {"crowd": (int | None, None)}, __validators__={"forgot": validator})
