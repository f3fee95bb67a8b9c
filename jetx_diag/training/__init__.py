"""Training runs: stage logs (CSVLogger files, History dumps), the run's metadata, and the diagnosis
of why training failed (best epoch, patience, collapse, monitor vs goal).

Import rules: imports only base modules, ``i18n``, ``artifacts``, ``scoring``.
"""
