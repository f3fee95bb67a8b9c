"""The chain assembled: the ``Evaluator`` turns a checkpoint, its companions and a history into an
immutable ``Evaluation`` record; saved evaluation documents are written and read back here.

Import rules: imports only every earlier stage (base, ``i18n``, ``history``, ``artifacts``,
``inputs``, ``predictions``,
``scoring``, ``skill``, ``training``).
"""
