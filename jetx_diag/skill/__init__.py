""" "Better than chance, and what would it do to money?": simple baselines, significance tests,
calibration and cut-offs, flat-bet simulation and the randomness audit of the rounds.

Import rules: imports only base modules, ``i18n``, ``scoring``.
"""
