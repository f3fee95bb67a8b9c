"""What a file is, from its bytes: HDF5, zip, pickle, joblib, skops, SavedModel, ONNX, CatBoost,
LightGBM, XGBoost, HTML, an LFS pointer or empty; its SHA-256; the size an HDF5 superblock declares
(a truncated copy is caught before any loader reads it). Names never decide."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from jetx_diag.errors import ArtifactError
from jetx_diag.i18n.messages import record

# Kinds :func:`sniff` returns.
KINDS = (
    "hdf5",
    "zip",
    "skops",
    "savedmodel",
    "onnx",
    "catboost",
    "lightgbm",
    "xgboost_json",
    "xgboost_ubj",
    "pickle",
    "joblib",
    "html",
    "json",
    "lfs_pointer",
    "empty",
    "unknown",
)

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_LFS_POINTER = b"version https://git-lfs.github.com/spec/"
_HEAD_BYTES = 64 * 1024
HDF5_SUFFIXES = (".h5", ".hdf5", ".he5", ".hdf")
KERAS_ZIP_SUFFIXES = (".keras",)


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks.

    For a directory (a SavedModel) the digest covers every file below it: for each file in
    sorted relative-path order, its POSIX relative path, a NUL byte and its own SHA-256.
    """
    p = Path(path)
    if p.is_dir():
        tree = hashlib.sha256()
        for child in sorted(c for c in p.rglob("*") if c.is_file()):
            tree.update(child.relative_to(p).as_posix().encode("utf-8") + b"\0")
            tree.update(sha256_file(child).encode("ascii"))
        return tree.hexdigest()
    digest = hashlib.sha256()
    try:
        with p.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        raise ArtifactError(
            record("error.metadata.cannot_read_file", strerror=error.strerror or error), path=p
        ) from None
    return digest.hexdigest()


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(c.stat().st_size for c in path.rglob("*") if c.is_file())
    return path.stat().st_size


def sniff(path: str | Path) -> str:
    """What a file is, judged by its first bytes (never by its name); one of :data:`KINDS`.

    ``joblib`` is a compressed joblib container (zlib, gzip, bz2, xz, lzma, lz4) or a pickle
    whose first 64 KiB mention joblib's array wrapper; other pickles (protocol 2+) are
    ``pickle``. ``zip`` is any zip archive except a skops file (``schema.json`` inside).
    """
    p = Path(path)
    if not p.exists():
        raise ArtifactError(record("error.sniffing.no_such_file_directory"), path=p)
    if p.is_dir():
        has_graph = (p / "saved_model.pb").is_file() or (p / "saved_model.pbtxt").is_file()
        return "savedmodel" if has_graph else "unknown"
    try:
        size = p.stat().st_size
        with p.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as error:
        raise ArtifactError(
            record("error.metadata.cannot_read_file", strerror=error.strerror or error), path=p
        ) from None
    if size == 0:
        return "empty"
    if _hdf5_superblock_offset(head) is not None:
        return "hdf5"
    if head[:4] in _ZIP_SIGNATURES:
        return "skops" if _zip_member_names(p) & {"schema.json"} else "zip"
    if len(head) > 1 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return "joblib" if b"NumpyArrayWrapper" in head else "pickle"
    if _old_pickle(p, head, size):
        return "pickle"
    if compression_of(head) is not None:
        return "joblib"
    if head.startswith(_LFS_POINTER):
        return "lfs_pointer"
    tabular = tabular_kind(head)
    if tabular is not None:
        return tabular
    text = head[:1024].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml", "<!--")):
        return "html"
    if text.startswith(("{", "[")):
        return "json"
    if looks_like_onnx(head):
        return "onnx"
    return "unknown"


CATBOOST_MAGIC = b"CBM1"
_LIGHTGBM_HEADER = b"tree\nversion="
# UBJSON: an object ("{"), then the first key's length typed as int8/uint8/int16/int32/int64.
_UBJ_LEARNER = re.compile(rb"^\{[iUIlL].{1,8}?learner", re.DOTALL)


def tabular_kind(head: bytes) -> str | None:
    """CatBoost (``CBM1``), LightGBM (model text), XGBoost (JSON or UBJSON with a learner)."""
    if head.startswith(CATBOOST_MAGIC):
        return "catboost"
    if head.replace(b"\r\n", b"\n").startswith(_LIGHTGBM_HEADER):
        return "lightgbm"
    if _UBJ_LEARNER.match(head[:32]):
        return "xgboost_ubj"
    stripped = head[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and re.match(rb'\{\s*"learner"\s*:', stripped):
        return "xgboost_json"
    return None


# ONNX ModelProto fields: number → wire type (0 varint, 2 length-delimited). Protobuf writers put
# ir_version (field 1) first; the rest may follow in any order.
_ONNX_FIELDS = {1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2}
ONNX_FIELD_NAMES = {7: "graph", 8: "opset_import", 14: "metadata_props", 25: "functions"}


def _varint(data: bytes, at: int) -> tuple[int, int] | None:
    value = shift = 0
    while at < len(data) and shift < 64:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at += 1
        if not byte & 0x80:
            return value, at
        shift += 7
    return None


def onnx_fields(data: bytes) -> list[tuple[int, int, int]] | None:
    """The top-level fields of an ONNX ModelProto as ``(number, start, end)`` of their values,
    or ``None`` when the bytes are not one. ``end`` may lie past ``data`` (a cut-off field)."""
    fields: list[tuple[int, int, int]] = []
    at = 0
    while at < len(data):
        tag = _varint(data, at)
        if tag is None:
            return fields or None
        number, wire = tag[0] >> 3, tag[0] & 7
        if _ONNX_FIELDS.get(number) != wire or (not fields and number != 1):
            return None
        value = _varint(data, tag[1])
        if value is None:
            return fields or None
        if wire == 0:
            if number == 1 and not 1 <= value[0] <= 64:
                return None
            fields.append((number, tag[1], value[1]))
            at = value[1]
        else:
            end = value[1] + value[0]
            fields.append((number, value[1], end))
            at = end
    return fields


def looks_like_onnx(head: bytes) -> bool:
    """An ONNX model starts with its IR version, then fields of a ModelProto, one a graph."""
    fields = onnx_fields(head)
    return bool(fields) and any(n == 7 for n, _, _ in fields or ())


# Opcodes a protocol 0 or 1 pickle of an object starts with: MARK, GLOBAL, EMPTY_LIST/DICT/TUPLE,
# and the text forms of int, float, string, unicode and None.
_OLD_PICKLE_STARTS = b"(c]})IFLSVN"


def _old_pickle(path: Path, head: bytes, size: int) -> bool:
    """A protocol 0/1 pickle (no ``\x80`` header): it parses as pickle opcodes, without running
    any, and the file ends with the STOP opcode."""
    if not head or head[0] not in _OLD_PICKLE_STARTS:
        return False
    with path.open("rb") as handle:
        handle.seek(size - 1)
        if handle.read(1) != b".":
            return False
    import io
    import pickletools

    count = 0
    try:
        for opcode, _, _ in pickletools.genops(io.BytesIO(head)):
            count += 1
            if opcode.name == "STOP" or count >= 32:
                return True
    except (ValueError, UnicodeDecodeError, EOFError):
        return count >= 4 and len(head) < size  # cut by the 64 KiB window, not broken
    return False


def compression_of(head: bytes) -> str | None:
    """The compressor a joblib file was written with, from its magic bytes (joblib's list)."""
    if len(head) >= 2 and head[0] == 0x78 and (head[0] << 8 | head[1]) % 31 == 0:
        return "zlib"  # zlib header: deflate method, and the FCHECK bits make it a multiple of 31
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh"):
        return "bz2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head.startswith(b"]\x00\x00"):
        return "lzma"
    if head.startswith(b"\x04\x22\x4d\x18"):
        return "lz4"
    return None


def _zip_member_names(path: Path) -> set[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return set()


def _hdf5_superblock_offset(head: bytes) -> int | None:
    # The superblock sits at 0 or, after a user block, at 512, 1024, 2048, … bytes.
    offset = 0
    while offset + len(HDF5_SIGNATURE) <= len(head):
        if head[offset : offset + len(HDF5_SIGNATURE)] == HDF5_SIGNATURE:
            return offset
        offset = 512 if offset == 0 else offset * 2
    return None


def hdf5_declared_size(path: str | Path) -> int | None:
    """The file size an HDF5 superblock records (base address + end-of-file address).

    Read by hand because h5py does not expose it, and a truncated file is best explained by
    comparing this number with the real size. ``None`` when the superblock is unreadable.
    """
    with Path(path).open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    at = _hdf5_superblock_offset(head)
    if at is None or len(head) < at + 16:
        return None
    block = head[at:]
    version = block[8]
    if version in (0, 1):
        width = block[13]  # size of offsets
        position = 24 if version == 0 else 28
        # base address, free-space address, end-of-file address, driver-info address
        fields = [block[position + i * width : position + (i + 1) * width] for i in range(3)]
    elif version in (2, 3):
        width = block[9]
        # base address, superblock-extension address, end-of-file address
        fields = [block[12 + i * width : 12 + (i + 1) * width] for i in range(3)]
    else:
        return None
    if width not in (2, 4, 8) or any(len(f) != width for f in fields):
        return None
    base = int.from_bytes(fields[0], "little")
    end = int.from_bytes(fields[2], "little")
    if end == (1 << (8 * width)) - 1:  # "undefined address"
        return None
    # After a user block the base address is the superblock's offset, and libhdf5 records the
    # end-of-file address counting the user block already: adding the base would call a whole
    # file truncated.
    return end if base == at else base + end
