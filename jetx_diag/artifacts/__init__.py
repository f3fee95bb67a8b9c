"""Model artifacts: checkpoints of every format, scalers and run metadata, recognised by their
bytes and refused when they would run code.

Modules: ``sniffing`` (what a file is), ``inspection`` (a checkpoint's config checked before
loading), ``keras_loader`` / ``savedmodel`` (loading), ``savedmodel_check`` (a SavedModel's
ops checked against an allow-list before TensorFlow loads it), ``loaded_model`` (the
framework-neutral model record), ``companions`` (files found beside a checkpoint),
``safe_pickle`` (allow-list unpickling of scalers), ``strict_json`` (JSON without NaN or
duplicate keys), ``metadata`` (the run's metadata JSON: one type and one reader for the report
and the training diagnosis), ``keras_env`` (a quiet, lazy TensorFlow import: the only place
TensorFlow is imported).

Import rules: imports only the base modules (``errors``, ``results``, ``numbers``, ``files``) and
``i18n``. Never imports ``history``, ``inputs`` or anything after them.
"""
