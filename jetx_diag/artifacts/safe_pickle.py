"""Scalers, safely: pickles and joblib files read through an allow-list, skops files through
skops' own trust model, and the result checked to be a fitted transformer with finite numbers.

The allow-list and its unpickler are in :mod:`~jetx_diag.artifacts.pickle_allowlist`, the checks
of the result in :mod:`~jetx_diag.artifacts.scaler_checks`. joblib files are pickles that may be
compressed as a whole (zlib, gzip, bz2, xz, lzma, lz4): the container is recognised by its magic
bytes and inflated in memory here, with a size cap against bombs, rather than by ``joblib.load``
(which cannot be restricted).
"""

from __future__ import annotations

import bz2
import hashlib
import io
import lzma
import pickle
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.pickle_allowlist import Refused, allowed_global, joblib_unpickler_class
from jetx_diag.artifacts.scaler_checks import check_fitted, check_shape_attributes, describe_type
from jetx_diag.artifacts.sniffing import compression_of, sha256_file, sniff
from jetx_diag.errors import ArtifactError, JetxDiagError, UnsafeInputError
from jetx_diag.i18n.messages import record as record_text
from jetx_diag.results import Artifact

#: Largest inflated joblib stream accepted (a scaler is kilobytes; this stops zip bombs).
MAX_INFLATED_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class LoadedScaler:
    """A fitted scikit-learn transformer and what is known about its file.

    ``scaler`` is the live object (not serialisable); :meth:`artifact` is.
    """

    scaler: Any
    path: str
    format: str  # pickle, joblib, skops
    sha256: str
    size_bytes: int
    type_name: str  # "StandardScaler", "Pipeline(StandardScaler, MinMaxScaler)"
    n_features_in: int | None
    sklearn_version: str | None  # the version that wrote the file, as it records it
    warnings: tuple[str, ...] = ()

    def artifact(self) -> Artifact:
        details = {"format": self.format, "type": self.type_name}
        if self.sklearn_version:
            details["sklearn_version"] = self.sklearn_version
        if self.n_features_in is not None:
            details["n_features_in"] = str(self.n_features_in)
        return Artifact("scaler", self.path, self.sha256, self.size_bytes, details)


def load_scaler(path: str | Path) -> LoadedScaler:
    """Load a fitted scikit-learn transformer from a pickle, joblib or skops file, safely.

    Raises :class:`UnsafeInputError` when the file names anything outside the allow-list
    (nothing it names is called), :class:`ArtifactError` when it is not a fitted transformer
    with finite statistics. A scikit-learn version mismatch becomes a warning string.
    """
    p = Path(path)
    kind = sniff(p)
    _refuse_kind(p, kind)
    import sklearn
    from sklearn.exceptions import InconsistentVersionWarning

    # Pickle/joblib bytes are read once: the SHA-256 in the report is that of the very bytes
    # that were unpickled, even if the file changes meanwhile.
    data = None if kind == "skops" else _read(p)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        obj = _load_skops(p) if data is None else _unpickle(p, kind, data)
    versions: list[str] = []
    messages: list[str] = []
    for item in record:
        warning = item.message
        if isinstance(warning, InconsistentVersionWarning):
            versions.append(warning.original_sklearn_version)
            messages.append(
                record_text(
                    "record.sklearn_version",
                    file=p.name,
                    estimator=warning.estimator_name,
                    saved=warning.original_sklearn_version,
                    current=warning.current_sklearn_version,
                )
            )
    check_fitted(obj, p)
    n_features = check_shape_attributes(obj, p)
    return LoadedScaler(
        scaler=obj,
        path=str(p),
        format=kind,
        sha256=sha256_file(p) if data is None else hashlib.sha256(data).hexdigest(),
        size_bytes=p.stat().st_size,
        type_name=describe_type(obj),
        n_features_in=n_features,
        sklearn_version=versions[0] if versions else sklearn.__version__,
        warnings=tuple(dict.fromkeys(messages)),
    )


def _refuse_kind(path: Path, kind: str) -> None:
    if kind in ("pickle", "joblib", "skops"):
        return
    problems = {
        "empty": record_text("error.metadata.empty_0_bytes"),
        "html": record_text("error.safe_pickle.html_xml_page_not_scaler"),
        "lfs_pointer": record_text("error.safe_pickle.git_lfs_pointer_not_scaler"),
        "json": record_text("error.safe_pickle.json_file_not_scaler"),
        "hdf5": record_text("error.safe_pickle.keras_model_hdf5_not_scaler"),
        "zip": record_text("error.safe_pickle.zip_archive_keras_model_not"),
        "savedmodel": record_text("error.safe_pickle.savedmodel_directory_not_scaler"),
    }
    raise ArtifactError(
        problems.get(kind, record_text("error.safe_pickle.not_pickle_joblib_skops_file")),
        path=path,
        hint=record_text("error.safe_pickle.hint_scaler_joblib_pickle_skops_file"),
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        problem = record_text("error.metadata.cannot_read_file", strerror=error.strerror or error)
        raise ArtifactError(problem, path=path) from None


def _unpickle(path: Path, kind: str, data: bytes) -> Any:
    compression = compression_of(data[:16])
    if compression is not None:
        data = _inflate(data, compression, path)
    unpickler = joblib_unpickler_class()(str(path), io.BytesIO(data), True)
    try:
        return unpickler.load()
    except Refused as refused:
        raise _unsafe(path, refused) from None
    except UnsafeInputError:
        raise
    except Exception as error:  # a damaged stream raises anything from EOFError to KeyError
        reason = str(error) or type(error).__name__
        ends_early = ("truncated", "ran out", "exhausted", "EOF")
        # Every complete pickle ends with the STOP opcode; a stream cut short mostly fails with
        # whatever the half-read opcode raises (IndexError, UnpicklingError …), not EOFError.
        cut = not data.endswith(pickle.STOP)
        if cut or isinstance(error, EOFError) or any(word in reason for word in ends_early):
            problem = record_text(
                "error.safe_pickle.stream_truncated_bytes", kind=kind, data_count=f"{len(data):,}"
            )
        else:
            problem = record_text(
                "error.safe_pickle.stream_cannot_read",
                kind=kind,
                name__=type(error).__name__,
                reason=reason,
            )
        raise ArtifactError(problem, path=path) from None


def _unsafe(path: Path, refused: Refused) -> JetxDiagError:
    if refused.reason and "joblib < 0.10" in refused.reason:
        return ArtifactError(
            record_text("error.safe_pickle.refused", dotted=refused.dotted, reason=refused.reason),
            path=path,
        )
    if refused.size:
        return UnsafeInputError(
            record_text(
                "error.safe_pickle.refused_unpickle_calls_nothing_allocated",
                dotted=refused.dotted,
                reason=refused.reason,
            ),
            path=path,
            hint=record_text("error.safe_pickle.hint_fitted_scaler_kilobytes_file_built"),
        )
    problem = (
        record_text(
            "error.safe_pickle.refused_unpickle_names_with_reason",
            dotted=refused.dotted,
            reason=refused.reason,
        )
        if refused.reason
        else record_text(
            "error.safe_pickle.refused_unpickle_names_which_outside", dotted=refused.dotted
        )
    )
    return UnsafeInputError(
        problem,
        path=path,
        hint=record_text("error.safe_pickle.hint_scaler_needs_nothing_else_if"),
    )


def _inflate(data: bytes, compression: str, path: Path) -> bytes:
    limit = MAX_INFLATED_BYTES
    if compression == "lz4":
        try:
            import lz4.frame
        except ImportError:
            raise ArtifactError(
                record_text("error.safe_pickle.lz4_compressed_joblib_file_lz4"),
                path=path,
            ) from None
        out = lz4.frame.decompress(data)
        if len(out) > limit:
            raise ArtifactError(
                record_text("error.safe_pickle.inflates_more_than_bytes", limit=f"{limit:,}"),
                path=path,
            )
        return bytes(out)
    decompressor: Any
    if compression == "zlib":
        decompressor = zlib.decompressobj()
    elif compression == "gzip":
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif compression == "bz2":
        decompressor = bz2.BZ2Decompressor()
    elif compression == "xz":
        decompressor = lzma.LZMADecompressor(lzma.FORMAT_XZ)
    else:
        decompressor = lzma.LZMADecompressor(lzma.FORMAT_ALONE)
    try:
        out = decompressor.decompress(data, limit + 1)
    except (zlib.error, OSError, lzma.LZMAError, EOFError) as error:
        raise ArtifactError(
            record_text(
                "error.safe_pickle.compressed_file_damaged", compression=compression, error=error
            ),
            path=path,
        ) from None
    if len(out) > limit:
        raise ArtifactError(
            record_text("error.safe_pickle.inflates_more_than_bytes", limit=f"{limit:,}"), path=path
        )
    if not decompressor.eof:
        raise ArtifactError(
            record_text(
                "error.safe_pickle.compressed_file_truncated_bytes",
                compression=compression,
                data_count=f"{len(data):,}",
            ),
            path=path,
        )
    return out


def _load_skops(path: Path) -> Any:
    import skops.io as sio

    try:
        untrusted = list(sio.get_untrusted_types(file=path))
    except Exception as error:  # skops raises on damaged archives and unknown protocols
        raise ArtifactError(
            record_text("error.safe_pickle.skops_file_cannot_read", first=_first(error)), path=path
        ) from None
    refused = []
    for dotted in untrusted:
        module, _, name = dotted.rpartition(".")
        try:
            allowed_global(module, name)
        except Refused:
            refused.append(dotted)
    if refused:
        raise UnsafeInputError(
            record_text(
                "error.safe_pickle.refused_load_skops_file_needs",
                refused=", ".join(sorted(refused)),
            ),
            path=path,
            hint=record_text("error.safe_pickle.hint_scaler_needs_none_them"),
        )
    try:
        return sio.load(path, trusted=untrusted)
    except Exception as error:
        raise ArtifactError(
            record_text("error.safe_pickle.skops_file_cannot_loaded", first=_first(error)),
            path=path,
        ) from None


def _first(error: BaseException) -> str:
    lines = [line for line in str(error).splitlines() if line.strip()]
    return (lines[0] if lines else type(error).__name__)[:300]
