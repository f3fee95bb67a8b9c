"""Model inputs from a ``History`` and a model's input specs: zero-copy windows, the user's feature
extractor (cached on disk) and the scaler.

Import rules: imports only base modules, ``i18n``, ``history``, ``artifacts``.
"""
