"""Several evaluations side by side: ranking, pairwise McNemar tests, the baseline ratchet, and
saved comparison documents. Works on ``Evaluation`` records and never recomputes a metric.

Import rules: imports only base modules, ``i18n``, ``scoring``, ``skill``, ``evaluation``.
"""
