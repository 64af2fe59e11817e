"""A fifth record type, defined only in tests/plugins/protest.py, through every stage.

The type is used directly (``Extractor(types=["visit", Protest])``) and as an
installed plugin (an entry point in the group ``extractor.record_types``, laid
out on ``sys.path`` as pip would), then goes through extract, bulk, flatten,
schema, types and eval against the fake OpenAI server on loopback. Nothing in
extractor/ names it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import ArticleExtraction, Extractor
from extractor.cli import app
from extractor.types import registry
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.plugins.protest import Protest

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()

PUBLISHED = "2024-03-12"  # a Tuesday
ARTICLE = (
    "SANTIAGO, Chile - More than 2,000 people protested in Santiago on Sunday against the "
    "pension reform, the Confederation of Workers said. Police used water cannon near the "
    "presidential palace. The government said it would not change course."
)
_NUMBERED = re.compile(r"\[(\d+)\] ([^\[]*)")


def asked_lists(body: dict[str, Any]) -> set[str]:
    """The lists a request's JSON Schema asks for (json_object + schema, as extractor sends)."""
    schema = (body.get("response_format") or {}).get("schema") or {}
    return set(schema.get("properties", {}))


def protest_answer(participants: int = 2000, organiser: str = "Confederation of Workers") -> Any:
    """A responder: one protest citing the sentence that says "protested", [] elsewhere.

    Reads the lists the request's schema asks for and the numbered sentences
    of the prompt, as a model would see them.
    """

    def respond(body: dict[str, Any]) -> str:
        text = "\n".join(str(m.get("content")) for m in body.get("messages", []))
        cited = next(int(n) for n, s in _NUMBERED.findall(text) if "protested" in s)
        answer: dict[str, Any] = {name: [] for name in asked_lists(body)}
        if "protests" in answer:
            answer["protests"] = [{
                "organisers": [{"name": organiser, "title": None, "country": "CHL"}],
                "country": "CHL", "place": "Santiago", "date": "on Sunday",
                "participants": participants, "demands": "against the pension reform",
                "status": "occurred", "attribution": None, "evidence": [cited],
            }]  # fmt: skip
        return json.dumps(answer)

    return respond


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The protest type installed as a plugin: a dist-info with an entry point on sys.path."""
    site = tmp_path / "site"
    info = site / "extractor_protest-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extractor-protest\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[extractor.record_types]\nprotest = tests.plugins.protest:Protest\n"
    )
    monkeypatch.syspath_prepend(str(site))
    for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY", "EXTRACTOR_MODE"):
        monkeypatch.delenv(name, raising=False)
    registry.reload()
    yield site
    monkeypatch.undo()
    registry.reload()


def _model(server: FakeOpenAI) -> list[str]:
    return ["--model", "openai/fake-model", "--base-url", server.base_url]


def test_a_user_type_is_extracted_grounded_and_round_trips() -> None:
    with (
        FakeOpenAI(protest_answer()) as server,
        Extractor("openai/fake-model", base_url=server.base_url, types=["visit", Protest]) as ex,
    ):
        result = ex.extract(ARTICLE, published=PUBLISHED, doc_id="santiago")
        asked = [asked_lists(r.body) for r in server.log]
    assert asked == [{"protests"}]  # no travel word: the visit call is screened out
    [protest] = result.protests
    assert isinstance(protest, Protest) and protest.record_type == "protest"
    evidence = protest.evidence
    assert evidence.start is not None and evidence.end is not None
    assert ARTICLE[evidence.start : evidence.end] == evidence.quote
    assert "2,000 people protested" in evidence.quote
    assert protest.participants is not None
    assert (protest.participants.low, protest.participants.qualifier) == (2000, "at_least")
    assert protest.date is not None and protest.date.value == "2024-03-10"  # "on Sunday"
    assert protest.country == "CHL" and protest.place is not None
    assert [a.name for a in protest.organisers] == ["Confederation of Workers"]
    assert protest.id.startswith("protest:")
    again = ArticleExtraction.model_validate_json(result.model_dump_json())
    assert again.protests == result.protests and again.visits == []


def test_a_user_type_is_checked_against_the_article_like_a_built_in() -> None:
    """A figure the article lacks is left empty; an organiser it never names drops the record."""
    with (
        FakeOpenAI(protest_answer(participants=5000)) as server,
        Extractor("openai/fake-model", base_url=server.base_url, types=[Protest]) as ex,
    ):
        [protest] = ex.extract(ARTICLE, published=PUBLISHED).protests
    assert protest.participants is None
    with (
        FakeOpenAI(protest_answer(organiser="Eva Lund")) as server,
        Extractor("openai/fake-model", base_url=server.base_url, types=[Protest]) as ex,
    ):
        result = ex.extract(ARTICLE, published=PUBLISHED)
        reask = server.log[-1].message_text
    assert result.protests == [] and result.metadata.dropped == 1
    assert "'Eva Lund' is not named anywhere in the article" in reask


def test_the_plugin_goes_through_every_command(plugin: Path, tmp_path: Path) -> None:
    listed = runner.invoke(app, ["types"])
    assert listed.exit_code == 0 and re.search(
        r"^protest\s+tests\.plugins\.protest", listed.stdout, re.M
    )

    schema = runner.invoke(app, ["schema", "--type", "protest"])
    assert schema.exit_code == 0, schema.stderr
    properties = json.loads(schema.stdout)["protest"]["properties"]
    assert {"organisers", "participants", "date", "evidence"} <= set(properties)

    article = tmp_path / "santiago.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(
        json.dumps({"id": "santiago", "text": ARTICLE, "published": PUBLISHED}) + "\n"
        + json.dumps({"id": "quiet", "text": "Markets were calm on Monday.", "published": PUBLISHED})
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(protest_answer()) as server:
        single = runner.invoke(
            app, ["extract", str(article), "--types", "protest", "--published", PUBLISHED,
                  *_model(server)],
        )  # fmt: skip
        assert single.exit_code == 0, single.stderr
        assert json.loads(single.stdout)["protests"][0]["participants"]["low"] == 2000

        bulk = runner.invoke(
            app, ["bulk", str(inputs), "-o", str(out), "--types", "visit,protest",
                  "--progress", "log", *_model(server)],
        )  # fmt: skip
        assert bulk.exit_code == 0, bulk.stderr
    lines = {line["doc_id"]: line for line in map(json.loads, out.read_text().splitlines())}
    assert set(lines) == {"santiago", "quiet"}
    assert [r["type"] for r in lines["santiago"]["records"]] == ["protest"]
    assert lines["santiago"]["counts"]["protest"] == 1 and lines["quiet"]["records"] == []

    tables = tmp_path / "tables"
    flat = runner.invoke(app, ["flatten", str(out), "--to", str(tables)])
    assert flat.exit_code == 0, flat.stderr
    with (tables / "protests.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["participants_low"] == "2000" and row["country"] == "CHL"
    assert row["event_date"] == "2024-03-10" and row["event_date_precision"] == "day"
    assert row["organisers"] == "Confederation of Workers"
    with (tables / "documents.csv").open(encoding="utf-8") as handle:
        documents = {d["doc_id"]: d for d in csv.DictReader(handle)}
    assert documents["santiago"]["protests"] == "1" and documents["quiet"]["protests"] == "0"

    sentence = ARTICLE.split(" Police")[0]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "santiago", "published": PUBLISHED, "text": ARTICLE,
        "records": [{
            "type": "protest", "evidence": sentence, "organisers": ["Confederation of Workers"],
            "country": "CHL", "place": "Santiago", "date": "2024-03-10",
            "participants": {"low": 2000, "best": None, "high": None}, "qualifier": "at_least",
        }],
    }) + "\n", encoding="utf-8")  # fmt: skip
    report = tmp_path / "report.json"
    scored = runner.invoke(
        app, ["eval", str(gold), "--predictions", str(out), "--json", str(report)]
    )
    assert scored.exit_code == 0, scored.stderr
    per_type = json.loads(report.read_text())["per_type"]["protest"]
    assert (per_type["tp"], per_type["fp"], per_type["fn"]) == (1, 0, 0)

    with FakeOpenAI(protest_answer()) as server:
        live = runner.invoke(
            app, ["eval", str(gold), "--types", "protest", "--json", str(report), *_model(server)]
        )
    assert live.exit_code == 0, live.stderr
    assert json.loads(report.read_text())["per_type"]["protest"]["tp"] == 1


def test_the_schemas_describe_what_extract_writes_with_a_plugin(
    plugin: Path, tmp_path: Path
) -> None:
    """``extractor schema`` lists every installed type, and its container is the one
    ``extract -f json`` writes (hostile round 19: the plugin was left out, and the
    container's ``additionalProperties: false`` refused its list)."""
    every = runner.invoke(app, ["schema"])
    assert every.exit_code == 0, every.stderr
    schemas = json.loads(every.stdout)
    assert "protest" in schemas
    assert "protests" in schemas["article_extraction"]["properties"]
    folder = runner.invoke(app, ["schema", "-o", str(tmp_path / "out") + "/"])
    assert folder.exit_code == 0, folder.stderr
    assert (tmp_path / "out" / "protest.schema.json").is_file()
