"""Metrics of the below/above calls (rates with their counts), intervals, and targets with their
pass/fail verdict: pure functions, table-tested.

Import rules: imports only base modules, ``i18n``.
"""
